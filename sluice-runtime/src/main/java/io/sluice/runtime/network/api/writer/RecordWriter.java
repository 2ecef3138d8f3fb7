package io.sluice.runtime.network.api.writer;

import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.network.api.AbstractEvent;
import io.sluice.runtime.network.buffer.Buffer;
import io.sluice.runtime.network.buffer.LocalBufferPool;
import io.sluice.runtime.network.partition.ResultPartition;
import io.sluice.runtime.partitioner.ChannelSelector;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Serializes records into the buffers of one {@link ResultPartition}: each record once into a
 * reused {@link DataOutputSerializer}, then copied with a 4-byte big-endian length prefix into the
 * current buffer of its subpartition. A record that does not fit continues in the next buffer, so
 * records of any size work. Nothing is allocated per record.
 *
 * <p>A buffer leaves when it is full, on {@link #flushAll()}, before an event, and at the end.
 * {@code bufferTimeoutMillis}:
 *
 * <ul>
 *   <li>{@code 0}: every emit flushes its record (lowest latency, one buffer per record);
 *   <li>{@code > 0}: the <em>task</em> calls {@link #flushAll()} from its mailbox every timeout;
 *       this class owns no timer thread;
 *   <li>{@code -1}: buffers leave only when full, before events, and at the end.
 * </ul>
 *
 * <p>Backpressure: the task checks {@link #isAvailable()} (one volatile read) before processing
 * its next input and, if false, waits on {@link #getAvailableFuture()} through its mailbox. If the
 * pool still runs dry in the middle of a record, emit waits for a buffer; the wait is interruptible
 * (cancellation interrupts the task thread) and throws {@link InterruptedException}.
 *
 * <p>The constructor calls {@link ChannelSelector#setup} with the number of subpartitions, so pass
 * a fresh selector (a {@code StreamPartitioner.copy()}). A task writing {@code StreamElement}s
 * whose selector works on {@code StreamRecord}s selects the channel itself and calls {@link
 * #emit(Object, int)} for records and {@link #broadcastEmit} for watermarks.
 *
 * <p>Threading: owned by the producing task thread; not thread-safe. End sequence: {@link
 * #finish()} (flush + end-of-partition), then {@link #close()}; on failure just {@link #close()}.
 */
public final class RecordWriter<T> implements AutoCloseable {
    private static final int LENGTH_PREFIX_BYTES = 4;

    private final ResultPartition partition;
    private final LocalBufferPool bufferPool;
    private final ChannelSelector<T> channelSelector;
    private final TypeSerializer<T> serializer;
    private final int numberOfChannels;
    private final boolean flushAlways;
    private final long bufferTimeoutMillis;
    private final DataOutputSerializer serializationBuffer = new DataOutputSerializer(128);
    /** The buffer being filled per subpartition; null when none. */
    private final Buffer[] currentBuffers;

    private boolean closed;

    public RecordWriter(
            ResultPartition partition,
            ChannelSelector<T> channelSelector,
            TypeSerializer<T> serializer,
            long bufferTimeoutMillis) {
        if (bufferTimeoutMillis < -1) {
            throw new IllegalArgumentException("Buffer timeout of partition " + partition.getPartitionId()
                    + " must be -1 (flush when full), 0 (flush every record) or a positive number of ms, got "
                    + bufferTimeoutMillis);
        }
        this.partition = partition;
        this.bufferPool = partition.getBufferPool();
        this.channelSelector = channelSelector;
        this.serializer = serializer;
        this.numberOfChannels = partition.getNumberOfSubpartitions();
        this.bufferTimeoutMillis = bufferTimeoutMillis;
        this.flushAlways = bufferTimeoutMillis == 0;
        this.currentBuffers = new Buffer[numberOfChannels];
        channelSelector.setup(numberOfChannels);
    }

    public ResultPartition getPartition() {
        return partition;
    }

    public int getNumberOfChannels() {
        return numberOfChannels;
    }

    /** The flush interval the task's mailbox must drive, as passed in (-1, 0 or positive ms). */
    public long getBufferTimeoutMillis() {
        return bufferTimeoutMillis;
    }

    /** Sends {@code record} to the channel its selector picks (every channel for a broadcast selector). */
    public void emit(T record) throws IOException, InterruptedException {
        if (channelSelector.isBroadcast()) {
            broadcastEmit(record);
        } else {
            emit(record, channelSelector.selectChannel(record));
        }
    }

    /** Sends {@code record} to subpartition {@code subpartition}. */
    public void emit(T record, int subpartition) throws IOException, InterruptedException {
        serialize(record);
        copyToSubpartition(subpartition);
        if (flushAlways) {
            flush(subpartition);
        }
    }

    /** Sends {@code record} to every subpartition (serialized once), e.g. a watermark. */
    public void broadcastEmit(T record) throws IOException, InterruptedException {
        serialize(record);
        for (int i = 0; i < numberOfChannels; i++) {
            copyToSubpartition(i);
        }
        if (flushAlways) {
            flushAll();
        }
    }

    /** Hands over all partially filled buffers, then appends {@code event} to every subpartition. */
    public void broadcastEvent(AbstractEvent event) throws IOException {
        flushAll();
        partition.broadcastEvent(event);
    }

    /** Hands over every partially filled buffer. Called by the task every buffer timeout. */
    public void flushAll() {
        for (int i = 0; i < numberOfChannels; i++) {
            flush(i);
        }
    }

    /** Hands over the partially filled buffer of {@code subpartition}, if it has data. */
    public void flush(int subpartition) {
        Buffer buffer = currentBuffers[subpartition];
        if (buffer != null && buffer.getSize() > 0) {
            currentBuffers[subpartition] = null;
            partition.addBuffer(buffer, subpartition);
        }
    }

    /** True if a buffer is free, so the next record most likely goes out without waiting. */
    public boolean isAvailable() {
        return bufferPool.isAvailable();
    }

    /** Completed when {@link #isAvailable()} turns true; completed on the thread that recycles a buffer. */
    public CompletableFuture<?> getAvailableFuture() {
        return bufferPool.getAvailableFuture();
    }

    /** Flushes and appends end-of-partition to every subpartition: the normal end of the producer. */
    public void finish() throws IOException {
        flushAll();
        partition.finish();
    }

    /** Recycles unsent buffers (does not flush). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < numberOfChannels; i++) {
            Buffer buffer = currentBuffers[i];
            if (buffer != null) {
                currentBuffers[i] = null;
                buffer.recycleBuffer();
            }
        }
    }

    private void serialize(T record) throws IOException {
        DataOutputSerializer out = serializationBuffer;
        out.clear();
        out.writeInt(0); // length, patched below
        serializer.serialize(record, out);
        int end = out.length();
        out.setPosition(0);
        out.writeInt(end - LENGTH_PREFIX_BYTES);
        out.setPosition(end);
    }

    private void copyToSubpartition(int subpartition) throws InterruptedException {
        byte[] source = serializationBuffer.getSharedBuffer();
        int length = serializationBuffer.length();
        int offset = 0;
        Buffer buffer = currentBuffers[subpartition];
        while (offset < length) {
            if (buffer == null) {
                buffer = requestBuffer();
                currentBuffers[subpartition] = buffer;
            }
            int size = buffer.getSize();
            int n = Math.min(length - offset, buffer.getCapacity() - size);
            System.arraycopy(source, offset, buffer.getMemory(), size, n);
            buffer.setSize(size + n);
            offset += n;
            if (buffer.writableBytes() == 0) {
                currentBuffers[subpartition] = null;
                partition.addBuffer(buffer, subpartition);
                buffer = null;
            }
        }
    }

    private Buffer requestBuffer() throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("RecordWriter of partition " + partition.getPartitionId() + " of task "
                    + partition.getOwnerTaskName() + " is closed; no more records may be emitted");
        }
        Buffer buffer = bufferPool.requestBuffer();
        return buffer != null ? buffer : bufferPool.requestBufferBlocking();
    }
}
