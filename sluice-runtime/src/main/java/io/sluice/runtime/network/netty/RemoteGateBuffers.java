package io.sluice.runtime.network.netty;

import io.sluice.runtime.network.buffer.Buffer;
import io.sluice.runtime.network.buffer.LocalBufferPool;
import java.util.ArrayDeque;

/**
 * The receive buffers of the remote channels of one input gate: one {@link LocalBufferPool} with
 * every segment reserved up front ({@code channels * buffersPerChannel} exclusive plus {@code
 * floatingBuffersPerGate} floating). Each channel takes its exclusive segments when it requests its
 * subpartition; floating segments go to the channels whose senders announce a backlog, and a
 * channel that finds none waits in line for the next one returned.
 *
 * <p>Thread-safe (this monitor). Lock order: a channel may call in while holding its own lock;
 * this class never calls a channel while holding its monitor.
 */
public final class RemoteGateBuffers {
    private final LocalBufferPool pool;
    private final int floatingLimit;

    // Guarded by this.
    private final ArrayDeque<RemoteInputChannel> waiting = new ArrayDeque<>();
    private int floatingOut;
    private int liveChannels;
    private boolean destroyed;

    public RemoteGateBuffers(LocalBufferPool pool, int numberOfChannels, int floatingLimit) {
        this.pool = pool;
        this.liveChannels = numberOfChannels;
        this.floatingLimit = floatingLimit;
    }

    /** One of the calling channel's exclusive segments; always available, they are reserved. */
    Buffer requestExclusive() {
        Buffer buffer = pool.requestBuffer();
        if (buffer == null) {
            throw new IllegalStateException("Exclusive buffer of " + pool + " not available: buffer accounting bug");
        }
        return buffer;
    }

    /** A floating segment, or null; then {@code channel} is offered the next one returned. */
    synchronized Buffer requestFloating(RemoteInputChannel channel) {
        if (destroyed) {
            return null;
        }
        if (floatingOut < floatingLimit) {
            Buffer buffer = pool.requestBuffer();
            if (buffer != null) {
                floatingOut++;
                return buffer;
            }
        }
        if (!waiting.contains(channel)) {
            waiting.add(channel);
        }
        return null;
    }

    /** A channel no longer needs floating segment {@code segment}: give it to a waiting channel or back to the pool. */
    void recycleFloating(Buffer segment) {
        while (true) {
            RemoteInputChannel next;
            synchronized (this) {
                next = destroyed ? null : waiting.poll();
                if (next == null) {
                    floatingOut--;
                    break;
                }
            }
            if (next.offerFloating(segment)) {
                return;
            }
        }
        segment.recycleBuffer();
    }

    /** Floating segments handed out now (for tests and metrics). */
    public synchronized int getFloatingInUse() {
        return floatingOut;
    }

    /** A channel was released; the last one releases the pool (segments still read return when recycled). */
    void channelReleased(RemoteInputChannel channel) {
        synchronized (this) {
            waiting.remove(channel);
            if (--liveChannels > 0 || destroyed) {
                return;
            }
            destroyed = true;
        }
        pool.lazyDestroy();
    }
}
