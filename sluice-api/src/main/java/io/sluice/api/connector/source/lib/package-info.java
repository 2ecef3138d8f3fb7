/**
 * Built-in split-based sources: {@link io.sluice.api.connector.source.lib.NumberSequenceSource}
 * (a range of longs, the benchmark source), {@link io.sluice.api.connector.source.lib.FromElementsSource}
 * (a fixed collection) and {@link io.sluice.api.connector.source.lib.SocketTextSource} (lines from a
 * TCP server), plus the small building blocks they share and other connectors may reuse:
 * {@link io.sluice.api.connector.source.lib.StaticSplitEnumerator},
 * {@link io.sluice.api.connector.source.lib.SequentialSplitReader} and
 * {@link io.sluice.api.connector.source.lib.SplitCollectionSerializer}.
 */
package io.sluice.api.connector.source.lib;
