/**
 * The data plane of a TaskManager ({@link io.sluice.runtime.network.NetworkEnvironment}):
 * buffers and pools ({@code .buffer}), producing side ({@code .partition}), consuming side ({@code
 * .partition.consumer}), remote channels over Netty ({@code .netty}), events ({@code .api}), record
 * writer ({@code .api.writer}) and deserializer ({@code .api.serialization}).
 *
 * <p>A record's way: task thread → {@code RecordWriter} (serialize into a pooled buffer) → {@code
 * ResultSubpartition} queue → {@code LocalInputChannel} → {@code SingleInputGate} → consumer task
 * thread → {@code SpanningRecordDeserializer} → buffer recycled to the producer's pool. The pool is
 * bounded, so a slow consumer blocks its producer (backpressure) instead of growing a queue.
 */
package io.sluice.runtime.network;
