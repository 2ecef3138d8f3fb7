/**
 * In-band events of the data plane ({@link io.sluice.runtime.network.api.EndOfPartitionEvent},
 * {@link io.sluice.runtime.network.api.CancelCheckpointMarker}; later checkpoint barriers and
 * end-of-data) and their compact wire format ({@link io.sluice.runtime.network.api.EventSerializer}).
 * Events travel on the same channels as records, each in its own buffer, after the data sent before
 * them. Subpackages hold the record writer and the record deserializer.
 */
package io.sluice.runtime.network.api;
