package io.sluice.runtime.network.partition;

import io.sluice.runtime.deployment.ResultPartitionID;
import io.sluice.runtime.network.api.AbstractEvent;
import io.sluice.runtime.network.api.EndOfPartitionEvent;
import io.sluice.runtime.network.api.EventSerializer;
import io.sluice.runtime.network.buffer.Buffer;
import io.sluice.runtime.network.buffer.LocalBufferPool;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one producer subtask writes for one data set: {@code numberOfSubpartitions} subpartitions,
 * one per consuming channel, fed from one bounded {@link LocalBufferPool}.
 *
 * <p>Threading: the producing task thread (through its {@code RecordWriter}) calls {@link
 * #addBuffer}, {@link #broadcastEvent} and {@link #finish}; {@link #release} may come from any
 * thread (cancellation, TaskManager shutdown). Consumers read through {@link
 * ResultSubpartitionView}s obtained from the {@link ResultPartitionManager}.
 *
 * <p>Lifecycle: registered at creation; {@link #finish()} appends end-of-partition to every
 * subpartition; once every subpartition has been consumed (or dropped by its reader) the partition
 * releases itself, which destroys its pool and unregisters it. {@link #release(Throwable)} with a
 * cause (failure, cancel) makes readers fail with a message naming this partition and its task.
 * A task that finished normally must not call {@code release}: its consumers may not have read
 * everything yet, and would fail.
 */
public final class ResultPartition {
    private static final Logger LOG = LoggerFactory.getLogger(ResultPartition.class);

    private final ResultPartitionID partitionId;
    private final String ownerTaskName;
    private final ResultSubpartition[] subpartitions;
    private final LocalBufferPool bufferPool;
    private final ResultPartitionManager manager;
    private final AtomicInteger unconsumedSubpartitions;
    private volatile boolean finished;
    private volatile boolean released;

    public ResultPartition(
            ResultPartitionID partitionId,
            String ownerTaskName,
            int numberOfSubpartitions,
            LocalBufferPool bufferPool,
            ResultPartitionManager manager) {
        if (numberOfSubpartitions < 1) {
            throw new IllegalArgumentException("Partition " + partitionId + " of task " + ownerTaskName
                    + " needs at least one subpartition, got " + numberOfSubpartitions);
        }
        this.partitionId = partitionId;
        this.ownerTaskName = ownerTaskName;
        this.bufferPool = bufferPool;
        this.manager = manager;
        this.subpartitions = new ResultSubpartition[numberOfSubpartitions];
        for (int i = 0; i < numberOfSubpartitions; i++) {
            subpartitions[i] = new ResultSubpartition(this, i);
        }
        this.unconsumedSubpartitions = new AtomicInteger(numberOfSubpartitions);
    }

    public ResultPartitionID getPartitionId() {
        return partitionId;
    }

    public String getOwnerTaskName() {
        return ownerTaskName;
    }

    public int getNumberOfSubpartitions() {
        return subpartitions.length;
    }

    public LocalBufferPool getBufferPool() {
        return bufferPool;
    }

    /** Buffers and events queued for subpartition {@code index} and not yet read. */
    public int getNumberOfQueuedBuffers(int index) {
        return subpartitions[index].getNumberOfQueuedBuffers();
    }

    /** Hands a filled data buffer (from this partition's pool) to subpartition {@code subpartition}. */
    public void addBuffer(Buffer buffer, int subpartition) {
        subpartitions[subpartition].add(buffer, false);
    }

    /** Appends {@code event} to every subpartition, after the buffers added before it. */
    public void broadcastEvent(AbstractEvent event) throws IOException {
        Buffer eventBuffer = EventSerializer.toBuffer(event);
        boolean isLast = event == EndOfPartitionEvent.INSTANCE;
        for (ResultSubpartition subpartition : subpartitions) {
            subpartition.add(eventBuffer, isLast);
        }
    }

    /** Appends end-of-partition to every subpartition. The writer must have flushed its buffers first. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        broadcastEvent(EndOfPartitionEvent.INSTANCE);
        finished = true;
    }

    public boolean isFinished() {
        return finished;
    }

    public boolean isReleased() {
        return released;
    }

    /**
     * Releases the partition: queued buffers are recycled, the pool is destroyed, the partition is
     * unregistered. With a non-null {@code cause} (failure, cancel) readers that have not reached
     * end-of-partition fail with a {@link ProducerFailedException} carrying it. Idempotent; any
     * thread.
     */
    public void release(Throwable cause) {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        if (cause != null) {
            LOG.debug("Releasing partition {} of task {} because of {}", partitionId, ownerTaskName, cause.toString());
        }
        for (ResultSubpartition subpartition : subpartitions) {
            subpartition.release(cause);
        }
        bufferPool.lazyDestroy();
        manager.unregister(this);
    }

    /** Opens subpartition {@code index} for its one reader. */
    public ResultSubpartitionView createSubpartitionView(int index, BufferAvailabilityListener listener)
            throws IOException {
        if (index < 0 || index >= subpartitions.length) {
            throw new IllegalArgumentException("Subpartition " + index + " requested from partition " + partitionId
                    + " of task " + ownerTaskName + ", which has " + subpartitions.length
                    + " subpartitions: the consumer's input channel descriptors do not match the producer");
        }
        return subpartitions[index].createReadView(listener);
    }

    void onSubpartitionConsumed() {
        if (unconsumedSubpartitions.decrementAndGet() == 0) {
            release(null);
        }
    }

    @Override
    public String toString() {
        return "ResultPartition " + partitionId + " of " + ownerTaskName;
    }
}
