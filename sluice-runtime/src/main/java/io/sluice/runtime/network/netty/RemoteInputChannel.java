package io.sluice.runtime.network.netty;

import io.netty.buffer.ByteBuf;
import io.sluice.runtime.deployment.ProducerLocation;
import io.sluice.runtime.deployment.ResultPartitionID;
import io.sluice.runtime.network.api.EventSerializer;
import io.sluice.runtime.network.buffer.Buffer;
import io.sluice.runtime.network.buffer.BufferRecycler;
import io.sluice.runtime.network.netty.NettyMessage.BufferResponse;
import io.sluice.runtime.network.netty.NettyMessage.PartitionRequest;
import io.sluice.runtime.network.partition.PartitionNotFoundException;
import io.sluice.runtime.network.partition.ProducerFailedException;
import io.sluice.runtime.network.partition.consumer.InputChannel;
import io.sluice.runtime.network.partition.consumer.SingleInputGate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An input channel reading a subpartition of a producer on another TaskManager, over the one data
 * connection this TaskManager keeps to that producer's address.
 *
 * <p>Credit-based flow control: the channel owns {@code buffersPerChannel} exclusive segments and
 * borrows floating ones from its gate's {@link RemoteGateBuffers}. Every free segment is one credit
 * of the sender; the partition request carries the initial credit and the channel announces each
 * segment freed later (batched: one {@code AddCredit} per event-loop turn). The sender sends only
 * against credit, and with every buffer its backlog; when the backlog exceeds the free segments the
 * channel borrows floating segments for it, and gives them back once they are not needed.
 *
 * <p>Threading: received data, partition-not-found and producer errors arrive on the connection's
 * event loop; the gate's task thread polls and releases; the reader recycles segments from its
 * thread. The queue of received buffers and the segment bookkeeping are guarded by {@code lock};
 * sequence and retry state belong to the event loop. The first error wins (see {@link InputChannel}).
 * Lock order: this channel's lock, then the gate's lock or the {@link RemoteGateBuffers} monitor.
 *
 * <p>If the producer is not deployed yet, its TaskManager answers partition-not-found and the
 * request is retried with exponential backoff until the partition request timeout.
 */
public final class RemoteInputChannel extends InputChannel {
    private final InputChannelID id = InputChannelID.random();
    private final ProducerLocation producer;
    private final NettyConnectionManager connections;
    private final RemoteGateBuffers gateBuffers;
    private final int exclusiveBuffers;
    private final long requestTimeoutMillis;
    private final long initialBackoffMillis;
    private final long maxBackoffMillis;

    private final Object lock = new Object();
    // Guarded by lock.
    private final ArrayDeque<Buffer> received = new ArrayDeque<>();
    private final ArrayDeque<Segment> free = new ArrayDeque<>();
    private int unannouncedCredit;
    private int senderBacklog;
    private boolean released;
    private boolean endOfPartitionReceived;

    // Event loop only.
    private int expectedSequence;
    private long requestStartNanos;
    private long backoffMillis;

    private volatile ClientConnection connection;
    /** Task thread only. */
    private boolean moreAvailable;

    /** One receive segment: a buffer of the gate's pool; handed to the reader wrapped, it comes back here. */
    private final class Segment implements BufferRecycler {
        final Buffer pooled;
        final boolean floating;
        boolean inUse; // guarded by lock

        Segment(Buffer pooled, boolean floating) {
            this.pooled = pooled;
            this.floating = floating;
        }

        @Override
        public void recycle(Buffer wrapper) {
            onRecycle(this);
        }
    }

    public RemoteInputChannel(
            SingleInputGate gate,
            int channelIndex,
            ResultPartitionID partitionId,
            int subpartitionIndex,
            ProducerLocation producer,
            NettyConnectionManager connections,
            RemoteGateBuffers gateBuffers,
            int exclusiveBuffers,
            long requestTimeoutMillis,
            long initialBackoffMillis,
            long maxBackoffMillis) {
        super(gate, channelIndex, partitionId, subpartitionIndex);
        this.producer = producer;
        this.connections = connections;
        this.gateBuffers = gateBuffers;
        this.exclusiveBuffers = exclusiveBuffers;
        this.requestTimeoutMillis = requestTimeoutMillis;
        this.initialBackoffMillis = Math.max(1, initialBackoffMillis);
        this.maxBackoffMillis = Math.max(this.initialBackoffMillis, maxBackoffMillis);
    }

    InputChannelID getId() {
        return id;
    }

    @Override
    protected void requestSubpartition() {
        synchronized (lock) {
            for (int i = 0; i < exclusiveBuffers; i++) {
                free.add(new Segment(gateBuffers.requestExclusive(), false));
            }
        }
        InetSocketAddress address = new InetSocketAddress(producer.host(), producer.dataPort());
        connections.connect(address).whenComplete((opened, failure) -> {
            if (failure != null) {
                setError(new IOException(
                        "Cannot connect to producer TaskManager " + producer.taskManagerId() + " at "
                                + describeAddress() + " for " + describeChannel() + ": " + failure.getMessage()
                                + ". The TaskManager is not running or not reachable",
                        failure));
                return;
            }
            opened.register(this);
            connection = opened;
            if (isReleased()) {
                opened.unregister(this, false);
                return;
            }
            opened.execute(() -> {
                requestStartNanos = System.nanoTime();
                backoffMillis = initialBackoffMillis;
                sendPartitionRequest();
            });
        });
    }

    // Event loop.
    private void sendPartitionRequest() {
        int credit;
        synchronized (lock) {
            if (released) {
                return;
            }
            credit = free.size();
            unannouncedCredit = 0;
        }
        expectedSequence = 0;
        connection.send(new PartitionRequest(partitionId, subpartitionIndex, id, credit));
    }

    // Event loop.
    void onPartitionNotFound() {
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - requestStartNanos);
        if (elapsedMillis + backoffMillis > requestTimeoutMillis) {
            setError(new PartitionNotFoundException(
                    partitionId,
                    "Partition " + partitionId + " (producer subtask " + partitionId.producerSubtask()
                            + " of data set " + partitionId.dataSetId() + ", attempt "
                            + partitionId.producerAttempt() + ") was not registered on TaskManager "
                            + producer.taskManagerId() + " at " + describeAddress() + " within "
                            + requestTimeoutMillis + " ms; input channel " + channelIndex + " of task "
                            + gate.getOwningTaskName() + " gives up. The producer did not start, failed, or"
                            + " already finished and was released: check its log, or raise"
                            + " NetworkConfig.partitionRequestTimeoutMillis"));
            return;
        }
        long delay = backoffMillis;
        backoffMillis = Math.min(backoffMillis * 2, maxBackoffMillis);
        connection.schedule(this::sendPartitionRequest, delay);
    }

    // Event loop. The caller releases response.data().
    void onBuffer(BufferResponse response) {
        if (response.sequence() != expectedSequence) {
            setError(new IOException("Buffer " + response.sequence() + " arrived for " + describeChannel()
                    + " from TaskManager " + producer.taskManagerId() + " at " + describeAddress()
                    + " where " + expectedSequence + " was expected: buffers were lost or reordered"));
            return;
        }
        expectedSequence++;
        ByteBuf data = response.data();
        int size = data.readableBytes();
        boolean notify;
        boolean announce = false;
        synchronized (lock) {
            if (released) {
                return;
            }
            Buffer buffer;
            if (response.isEvent()) {
                byte[] bytes = new byte[size];
                data.getBytes(data.readerIndex(), bytes);
                buffer = Buffer.unpooledEvent(bytes);
                if (size == 1 && bytes[0] == EventSerializer.END_OF_PARTITION) {
                    endOfPartitionReceived = true;
                } else {
                    // An event needs no segment: the credit the sender spent on it is free again.
                    announce = unannouncedCredit++ == 0;
                }
            } else {
                Segment segment = free.poll();
                if (segment == null) {
                    setError(new IOException("TaskManager " + producer.taskManagerId() + " at "
                            + describeAddress() + " sent a buffer to " + describeChannel()
                            + " without credit: flow-control protocol violated"));
                    return;
                }
                if (size > segment.pooled.getCapacity()) {
                    free.addFirst(segment);
                    setError(new IOException("TaskManager " + producer.taskManagerId() + " sent a "
                            + size + "-byte buffer to " + describeChannel() + " whose buffers hold "
                            + segment.pooled.getCapacity() + " bytes: both TaskManagers need the same"
                            + " taskmanager.memory.segment-size"));
                    return;
                }
                data.getBytes(data.readerIndex(), segment.pooled.getMemory(), 0, size);
                segment.inUse = true;
                buffer = Buffer.wrap(segment.pooled.getMemory(), size, segment);
            }
            senderBacklog = response.backlog();
            announce |= requestFloatingForBacklog();
            notify = received.isEmpty();
            received.add(buffer);
        }
        if (announce) {
            connection.announceCredit(this);
        }
        if (notify) {
            notifyChannelNonEmpty();
        }
    }

    /** Borrows floating segments until the sender's backlog is covered; true if credit became announceable. */
    // Called with lock held.
    private boolean requestFloatingForBacklog() {
        boolean announce = false;
        while (free.size() < senderBacklog) {
            Buffer floating = gateBuffers.requestFloating(this);
            if (floating == null) {
                break;
            }
            free.add(new Segment(floating, true));
            announce |= unannouncedCredit++ == 0;
        }
        return announce;
    }

    /** Offered a floating segment by the gate; false if this channel no longer needs it. Any thread. */
    boolean offerFloating(Buffer segment) {
        boolean announce;
        synchronized (lock) {
            if (released || free.size() >= senderBacklog) {
                return false;
            }
            free.add(new Segment(segment, true));
            announce = unannouncedCredit++ == 0;
        }
        ClientConnection current = connection;
        if (announce && current != null) {
            current.announceCredit(this);
        }
        return true;
    }

    // The reader's thread.
    private void onRecycle(Segment segment) {
        boolean announce = false;
        boolean returnFloating = false;
        boolean returnExclusive = false;
        synchronized (lock) {
            if (!segment.inUse) {
                throw new IllegalStateException("Buffer of " + describeChannel() + " recycled twice: a reader kept or"
                        + " recycled a buffer it no longer owns; this is a bug in the code that reads the input");
            }
            segment.inUse = false;
            if (released) {
                returnFloating = segment.floating;
                returnExclusive = !segment.floating;
            } else if (segment.floating && free.size() >= senderBacklog) {
                returnFloating = true;
            } else {
                free.add(segment);
                announce = unannouncedCredit++ == 0;
            }
        }
        if (returnFloating) {
            gateBuffers.recycleFloating(segment.pooled);
        } else if (returnExclusive) {
            segment.pooled.recycleBuffer();
        } else if (announce) {
            connection.announceCredit(this);
        }
    }

    /** Credit freed since the last announcement, now announced. Event loop. */
    int takeUnannouncedCredit() {
        synchronized (lock) {
            if (released) {
                return 0;
            }
            int credit = unannouncedCredit;
            unannouncedCredit = 0;
            return credit;
        }
    }

    // Event loop.
    void onProducerError(String message) {
        setError(new ProducerFailedException(
                "Producer of partition " + partitionId + " on TaskManager " + producer.taskManagerId() + " at "
                        + describeAddress() + " failed; " + describeChannel() + " cannot continue: " + message,
                null));
    }

    // Event loop.
    void onConnectionLost(String reason) {
        synchronized (lock) {
            if (released || endOfPartitionReceived) {
                return;
            }
        }
        setError(new IOException("Connection to producer TaskManager " + producer.taskManagerId() + " at "
                + describeAddress() + " lost (" + reason + ") while " + describeChannel() + " read partition "
                + partitionId + ". The TaskManager probably died or was shut down: check its log"));
    }

    @Override
    protected Buffer getNextBuffer() throws IOException {
        checkError();
        synchronized (lock) {
            Buffer buffer = received.poll();
            moreAvailable = !received.isEmpty();
            return buffer;
        }
    }

    @Override
    protected boolean isMoreAvailable() {
        return moreAvailable;
    }

    private boolean isReleased() {
        synchronized (lock) {
            return released;
        }
    }

    @Override
    protected void releaseAllResources() {
        List<Buffer> queued;
        List<Segment> segments;
        boolean cancel;
        synchronized (lock) {
            if (released) {
                return;
            }
            released = true;
            queued = new ArrayList<>(received);
            received.clear();
            segments = new ArrayList<>(free);
            free.clear();
            cancel = !endOfPartitionReceived;
        }
        for (Buffer buffer : queued) {
            buffer.recycleBuffer();
        }
        for (Segment segment : segments) {
            if (segment.floating) {
                gateBuffers.recycleFloating(segment.pooled);
            } else {
                segment.pooled.recycleBuffer();
            }
        }
        ClientConnection current = connection;
        if (current != null) {
            current.unregister(this, cancel);
        }
        gateBuffers.channelReleased(this);
    }

    private String describeAddress() {
        return producer.host() + ":" + producer.dataPort();
    }

    private String describeChannel() {
        return "input channel " + channelIndex + " of task " + gate.getOwningTaskName();
    }
}
