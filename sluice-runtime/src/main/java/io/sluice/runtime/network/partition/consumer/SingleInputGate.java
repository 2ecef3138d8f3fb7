package io.sluice.runtime.network.partition.consumer;

import io.sluice.runtime.network.api.AbstractEvent;
import io.sluice.runtime.network.api.EndOfPartitionEvent;
import io.sluice.runtime.network.api.EventSerializer;
import io.sluice.runtime.network.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link InputGate} over a fixed array of channels. Channels that have data queue themselves
 * here (from the producer's thread, via {@link #notifyChannelNonEmpty}); {@link #pollNext()} takes
 * the first queued channel, reads one buffer from it and re-queues it at the tail if it has more,
 * so polling costs O(1) regardless of the number of channels and serves channels round robin.
 *
 * <p>Threading: one reading task thread calls everything except {@link #notifyChannelNonEmpty},
 * which channels call from any thread. The queue and the availability future are guarded by one
 * small lock; the future is completed outside it.
 */
public final class SingleInputGate implements InputGate {
    private static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

    private final String owningTaskName;
    private final int gateIndex;
    private InputChannel[] channels;

    private final Object lock = new Object();
    // Guarded by lock.
    private final ArrayDeque<InputChannel> channelsWithData;
    private CompletableFuture<Void> availableFuture = new CompletableFuture<>();

    // Task thread only.
    private int numberOfFinishedChannels;
    private boolean requested;
    private volatile boolean finished;
    private volatile boolean closed;

    /** Creates a gate whose channels are set with {@link #setChannels} before use. */
    public SingleInputGate(String owningTaskName, int gateIndex, int numberOfChannels) {
        this.owningTaskName = owningTaskName;
        this.gateIndex = gateIndex;
        this.channels = new InputChannel[numberOfChannels];
        this.channelsWithData = new ArrayDeque<>(Math.max(1, numberOfChannels));
    }

    /** Installs the channels, indexed by their channel index. Called once by whoever builds the gate. */
    public void setChannels(InputChannel[] channels) {
        if (channels.length != this.channels.length) {
            throw new IllegalArgumentException("Gate " + gateIndex + " of task " + owningTaskName + " expects "
                    + this.channels.length + " channels, got " + channels.length);
        }
        for (int i = 0; i < channels.length; i++) {
            if (channels[i].getChannelIndex() != i || channels[i].gate != this) {
                throw new IllegalArgumentException(
                        "Channel " + channels[i] + " is not channel " + i + " of gate " + gateIndex);
            }
        }
        this.channels = channels.clone();
    }

    public String getOwningTaskName() {
        return owningTaskName;
    }

    @Override
    public int getGateIndex() {
        return gateIndex;
    }

    @Override
    public int getNumberOfChannels() {
        return channels.length;
    }

    public InputChannel getChannel(int channelIndex) {
        return channels[channelIndex];
    }

    @Override
    public void requestPartitions() {
        if (requested) {
            return;
        }
        requested = true;
        if (channels.length == 0) {
            finished = true;
            completeAvailable();
            return;
        }
        for (InputChannel channel : channels) {
            if (channel == null) {
                throw new IllegalStateException("Gate " + gateIndex + " of task " + owningTaskName
                        + " has no channels installed; call setChannels first");
            }
            channel.requestSubpartition();
        }
    }

    @Override
    public BufferOrEvent pollNext() throws IOException {
        while (true) {
            InputChannel channel;
            synchronized (lock) {
                channel = channelsWithData.poll();
                if (channel == null) {
                    if (availableFuture.isDone() && !finished && !closed) {
                        availableFuture = new CompletableFuture<>();
                    }
                    return null;
                }
                channel.queuedInGate = false;
            }
            if (channel.finished) {
                continue;
            }
            Buffer buffer;
            try {
                buffer = channel.getNextBuffer();
            } catch (IOException e) {
                throw new IOException(
                        "Input channel " + channel.getChannelIndex() + " of gate " + gateIndex + " of task "
                                + owningTaskName + " failed: " + e.getMessage(),
                        e);
            }
            if (buffer == null) {
                continue; // woken before the data was visible; the channel re-queues itself when it is
            }
            if (channel.isMoreAvailable()) {
                queueChannel(channel);
            }
            if (!buffer.isEvent()) {
                return new BufferOrEvent(buffer, gateIndex, channel.getChannelIndex());
            }
            AbstractEvent event = EventSerializer.fromBuffer(buffer);
            buffer.recycleBuffer();
            if (event == EndOfPartitionEvent.INSTANCE) {
                channel.finished = true;
                channel.releaseAllResources();
                if (++numberOfFinishedChannels == channels.length) {
                    finished = true;
                    completeAvailable();
                }
            }
            return new BufferOrEvent(event, gateIndex, channel.getChannelIndex());
        }
    }

    /** Called by a channel, from any thread, when it has data or an error. */
    void notifyChannelNonEmpty(InputChannel channel) {
        queueChannel(channel);
    }

    private void queueChannel(InputChannel channel) {
        CompletableFuture<Void> toComplete = null;
        synchronized (lock) {
            if (channel.queuedInGate || closed) {
                return;
            }
            channel.queuedInGate = true;
            channelsWithData.add(channel);
            if (!availableFuture.isDone()) {
                toComplete = availableFuture;
            }
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    private void completeAvailable() {
        CompletableFuture<Void> toComplete;
        synchronized (lock) {
            toComplete = availableFuture;
            availableFuture = AVAILABLE;
        }
        toComplete.complete(null);
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        synchronized (lock) {
            return availableFuture;
        }
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (lock) {
            channelsWithData.clear();
        }
        for (InputChannel channel : channels) {
            if (channel != null) {
                channel.releaseAllResources();
            }
        }
        completeAvailable();
    }

    @Override
    public String toString() {
        return "SingleInputGate " + gateIndex + " of " + owningTaskName + " (" + channels.length + " channels)";
    }
}
