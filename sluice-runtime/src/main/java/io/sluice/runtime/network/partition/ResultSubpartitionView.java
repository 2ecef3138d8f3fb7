package io.sluice.runtime.network.partition;

import io.sluice.runtime.network.buffer.Buffer;

/**
 * A consumer's handle on one subpartition. Owned by the consumer's thread (a local input channel's
 * task thread; later a network thread serving a remote channel).
 *
 * <p>{@link #pollBuffer()} returns the next buffer or null; afterwards {@link #isMoreAvailable()}
 * says whether another is already queued, so the reader can keep the channel in its ready queue
 * without a second lock round trip. {@link #releaseAllResources()} ends the read (after
 * end-of-partition, or early on cancel).
 */
public final class ResultSubpartitionView {
    private final ResultSubpartition subpartition;
    private final BufferAvailabilityListener listener;
    /** Consumer thread only: set by the last poll. */
    private boolean moreAvailable;
    /** Consumer thread only: buffers and events still queued after the last poll. */
    private int backlog;

    ResultSubpartitionView(ResultSubpartition subpartition, BufferAvailabilityListener listener) {
        this.subpartition = subpartition;
        this.listener = listener;
    }

    BufferAvailabilityListener listener() {
        return listener;
    }

    void setMoreAvailable(boolean moreAvailable) {
        this.moreAvailable = moreAvailable;
    }

    void setBacklog(int backlog) {
        this.backlog = backlog;
    }

    /** Buffers and events the last {@link #pollBuffer()} left queued (what a remote sender announces). */
    public int getBacklog() {
        return backlog;
    }

    /** The next buffer or event buffer, or null if none is queued. */
    public Buffer pollBuffer() throws ProducerFailedException {
        return subpartition.poll(this);
    }

    /** Whether the last {@link #pollBuffer()} left more buffers queued. */
    public boolean isMoreAvailable() {
        return moreAvailable;
    }

    /** True if a poll would return a buffer or an error now. */
    public boolean isAvailable() {
        return subpartition.isAvailable();
    }

    /** True if the producer side released the subpartition (failure, cancel): the next poll throws. */
    public boolean isReleasedByProducer() {
        return subpartition.isReleasedByProducer();
    }

    /** Stops reading: queued buffers are recycled and the subpartition counts as consumed. */
    public void releaseAllResources() {
        subpartition.releaseByConsumer();
    }

    @Override
    public String toString() {
        return "View of " + subpartition;
    }
}
