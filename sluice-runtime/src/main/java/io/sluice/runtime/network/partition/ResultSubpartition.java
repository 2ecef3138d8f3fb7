package io.sluice.runtime.network.partition;

import io.sluice.runtime.network.buffer.Buffer;
import java.util.ArrayDeque;

/**
 * The queue of finished buffers and events for exactly one consumer channel. Its length is bounded
 * by the partition's buffer pool (plus the few in-band events), never by the data volume.
 *
 * <p>Threading: the producer's task thread adds, the consumer's thread polls through its {@link
 * ResultSubpartitionView}; the monitor of this object guards the queue. The consumer is notified
 * (outside the lock) only when the queue goes from empty to non-empty, so a full pipeline costs no
 * notification per buffer.
 */
public final class ResultSubpartition {
    private final ResultPartition parent;
    private final int index;

    // Guarded by this.
    private final ArrayDeque<Buffer> buffers = new ArrayDeque<>();
    private ResultSubpartitionView readView;
    private boolean finished;
    /** Released by the producer side (failure, cancel, shutdown) or by the consumer (it stopped reading). */
    private boolean released;

    private boolean releasedByConsumer;
    private Throwable releaseCause;

    ResultSubpartition(ResultPartition parent, int index) {
        this.parent = parent;
        this.index = index;
    }

    public int getIndex() {
        return index;
    }

    ResultPartition getParent() {
        return parent;
    }

    /** Queues a finished buffer or event; the producer must not touch it afterwards. */
    void add(Buffer buffer, boolean isLast) {
        BufferAvailabilityListener toNotify = null;
        boolean alreadyFinished = false;
        boolean drop = false;
        synchronized (this) {
            if (finished) {
                alreadyFinished = true;
            } else if (released) {
                drop = true;
            } else {
                boolean wasEmpty = buffers.isEmpty();
                buffers.add(buffer);
                if (wasEmpty && readView != null) {
                    toNotify = readView.listener();
                }
            }
            if (isLast) {
                finished = true;
            }
        }
        if (alreadyFinished) {
            buffer.recycleBuffer();
            throw new IllegalStateException("Subpartition " + index + " of " + parent
                    + " is already finished; nothing may be added after end of partition");
        }
        if (drop) {
            // Partition released (failure, cancel) or the consumer stopped reading: the data has nowhere to go.
            buffer.recycleBuffer();
        } else if (toNotify != null) {
            toNotify.notifyDataAvailable();
        }
    }

    synchronized int getNumberOfQueuedBuffers() {
        return buffers.size();
    }

    ResultSubpartitionView createReadView(BufferAvailabilityListener listener) throws ProducerFailedException {
        synchronized (this) {
            if (released && !releasedByConsumer) {
                throw new ProducerFailedException(
                        "Subpartition " + index + " of " + parent + " was already released", releaseCause);
            }
            if (readView != null) {
                throw new IllegalStateException("Subpartition " + index + " of " + parent
                        + " is already being read by another channel; each subpartition has exactly one consumer");
            }
            readView = new ResultSubpartitionView(this, listener);
            return readView;
        }
    }

    /** Next buffer for the reader, or null; throws if the producer side released the partition. */
    Buffer poll(ResultSubpartitionView view) throws ProducerFailedException {
        synchronized (this) {
            if (released) {
                view.setMoreAvailable(false);
                if (releasedByConsumer) {
                    return null;
                }
                throw new ProducerFailedException(
                        "Producer partition " + parent.getPartitionId() + " of task "
                                + parent.getOwnerTaskName() + " was released before subpartition " + index
                                + " was fully consumed"
                                + (releaseCause == null ? "" : ": " + releaseCause)
                                + "; the producer failed or was canceled, see its error",
                        releaseCause);
            }
            Buffer buffer = buffers.poll();
            view.setMoreAvailable(!buffers.isEmpty());
            view.setBacklog(buffers.size());
            return buffer;
        }
    }

    synchronized boolean isReleasedByProducer() {
        return released && !releasedByConsumer;
    }

    synchronized boolean isAvailable() {
        return !buffers.isEmpty() || (released && !releasedByConsumer);
    }

    /** The producer side releases: queued buffers are recycled, the reader fails on its next poll. */
    void release(Throwable cause) {
        BufferAvailabilityListener toNotify = null;
        Buffer[] dropped;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            releaseCause = cause;
            dropped = buffers.toArray(new Buffer[0]);
            buffers.clear();
            if (readView != null) {
                toNotify = readView.listener();
            }
        }
        recycleAll(dropped);
        if (toNotify != null) {
            toNotify.notifyDataAvailable();
        }
    }

    /** The reader is done (end of partition read, or it stopped early): recycle what is left. */
    void releaseByConsumer() {
        Buffer[] dropped;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            releasedByConsumer = true;
            dropped = buffers.toArray(new Buffer[0]);
            buffers.clear();
        }
        recycleAll(dropped);
        parent.onSubpartitionConsumed();
    }

    private static void recycleAll(Buffer[] buffers) {
        for (Buffer buffer : buffers) {
            buffer.recycleBuffer();
        }
    }

    @Override
    public String toString() {
        return "ResultSubpartition " + index + " of " + parent.getPartitionId();
    }
}
