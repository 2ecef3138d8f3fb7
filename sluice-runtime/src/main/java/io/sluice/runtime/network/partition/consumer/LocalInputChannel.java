package io.sluice.runtime.network.partition.consumer;

import io.sluice.runtime.deployment.ResultPartitionID;
import io.sluice.runtime.network.buffer.Buffer;
import io.sluice.runtime.network.partition.BufferAvailabilityListener;
import io.sluice.runtime.network.partition.PartitionNotFoundException;
import io.sluice.runtime.network.partition.ResultPartitionManager;
import io.sluice.runtime.network.partition.ResultSubpartitionView;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An input channel reading a subpartition produced in the same JVM (same TaskManager, or another
 * TaskManager of the same embedded cluster). Buffers are not copied: the consumer reads the
 * producer's buffer and recycles it to the producer's pool.
 *
 * <p>The consumer may be deployed before its producer: if the partition is not registered yet the
 * request is retried on the network scheduler (never blocking the task thread) with exponential
 * backoff, until {@code requestTimeoutMillis}; then the channel fails with a message naming the
 * partition and where its producer should be.
 */
public final class LocalInputChannel extends InputChannel implements BufferAvailabilityListener {
    private final ResultPartitionManager producerPartitions;
    private final ScheduledExecutorService scheduler;
    private final long requestTimeoutMillis;
    private final long initialBackoffMillis;
    private final long maxBackoffMillis;

    private volatile ResultSubpartitionView view;
    private volatile boolean released;
    private long requestStartNanos;
    /** Task thread only. */
    private boolean moreAvailable;

    public LocalInputChannel(
            SingleInputGate gate,
            int channelIndex,
            ResultPartitionID partitionId,
            int subpartitionIndex,
            ResultPartitionManager producerPartitions,
            ScheduledExecutorService scheduler,
            long requestTimeoutMillis,
            long initialBackoffMillis,
            long maxBackoffMillis) {
        super(gate, channelIndex, partitionId, subpartitionIndex);
        this.producerPartitions = producerPartitions;
        this.scheduler = scheduler;
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.initialBackoffMillis = Math.max(1, initialBackoffMillis);
        this.maxBackoffMillis = Math.max(this.initialBackoffMillis, maxBackoffMillis);
    }

    @Override
    protected void requestSubpartition() {
        requestStartNanos = System.nanoTime();
        tryRequest(initialBackoffMillis);
    }

    // Runs on the task thread first, then on the scheduler thread for retries.
    private void tryRequest(long backoffMillis) {
        if (released) {
            return;
        }
        try {
            ResultSubpartitionView opened =
                    producerPartitions.createSubpartitionView(partitionId, subpartitionIndex, this);
            view = opened;
            if (released) {
                opened.releaseAllResources();
            } else if (opened.isAvailable()) {
                // A notification may have come before the view was visible to the task thread.
                notifyChannelNonEmpty();
            }
        } catch (PartitionNotFoundException e) {
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - requestStartNanos);
            if (elapsedMillis + backoffMillis > requestTimeoutMillis) {
                setError(new PartitionNotFoundException(
                        partitionId,
                        "Partition " + partitionId + " (producer subtask "
                                + partitionId.producerSubtask() + " of data set " + partitionId.dataSetId()
                                + ", attempt "
                                + partitionId.producerAttempt() + ") was not registered on TaskManager "
                                + producerPartitions.getTaskManagerId() + " within " + requestTimeoutMillis
                                + " ms; input channel " + channelIndex + " of task " + gate.getOwningTaskName()
                                + " gives up. The producer did not start, failed, or already finished and was"
                                + " released: check its log, or raise NetworkConfig.partitionRequestTimeoutMillis"));
                return;
            }
            long next = Math.min(backoffMillis * 2, maxBackoffMillis);
            try {
                scheduler.schedule(() -> tryRequest(next), backoffMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shutdown) {
                setError(new IOException(
                        "Network environment shut down while input channel " + channelIndex + " of task "
                                + gate.getOwningTaskName() + " waited for partition " + partitionId,
                        shutdown));
            }
        } catch (IOException | RuntimeException e) {
            setError(e);
        }
    }

    @Override
    public void notifyDataAvailable() {
        notifyChannelNonEmpty();
    }

    @Override
    protected Buffer getNextBuffer() throws IOException {
        checkError();
        ResultSubpartitionView v = view;
        if (v == null) {
            moreAvailable = false;
            return null;
        }
        Buffer buffer = v.pollBuffer();
        moreAvailable = v.isMoreAvailable();
        return buffer;
    }

    @Override
    protected boolean isMoreAvailable() {
        return moreAvailable;
    }

    @Override
    protected void releaseAllResources() {
        if (released) {
            return;
        }
        released = true;
        ResultSubpartitionView v = view;
        if (v != null) {
            v.releaseAllResources();
        }
    }
}
