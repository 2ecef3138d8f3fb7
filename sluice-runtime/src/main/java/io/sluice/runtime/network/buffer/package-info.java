/**
 * Network buffers and their pools.
 *
 * <pre>
 *   NetworkBufferPool (one per TaskManager, totalBuffers x bufferSize bytes, allocated lazily)
 *     ├── LocalBufferPool  result partition A  (min..max buffers)
 *     ├── LocalBufferPool  result partition B
 *     └── ...
 * </pre>
 *
 * A {@link io.sluice.runtime.network.buffer.Buffer} is requested by the producing task from its
 * partition's {@link io.sluice.runtime.network.buffer.LocalBufferPool}, filled, handed to the
 * consumer, and recycled by the consumer back to that same pool. A producer whose pool is empty
 * waits: that is backpressure, and it is what bounds the memory of a slow pipeline.
 */
package io.sluice.runtime.network.buffer;
