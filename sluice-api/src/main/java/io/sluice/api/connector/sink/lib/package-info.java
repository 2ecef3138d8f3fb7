/**
 * Built-in sinks: {@link io.sluice.api.connector.sink.lib.PrintSink} (stdout/stderr),
 * {@link io.sluice.api.connector.sink.lib.DiscardingSink}, and
 * {@link io.sluice.api.connector.sink.lib.CollectSink} with its client side
 * {@link io.sluice.api.connector.sink.lib.CollectResultIterator}, which stream a job's results back
 * to the program that runs {@code executeAndCollect()}.
 */
package io.sluice.api.connector.sink.lib;
