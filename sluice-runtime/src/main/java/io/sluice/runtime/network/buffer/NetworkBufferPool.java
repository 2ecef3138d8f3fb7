package io.sluice.runtime.network.buffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The TaskManager-wide pool of network buffers: at most {@code totalBuffers} segments of {@code
 * bufferSize} bytes, allocated lazily on first use and never freed until {@link #destroy()}, so the
 * data plane's memory is bounded by {@code totalBuffers * bufferSize}.
 *
 * <p>It is carved into {@link LocalBufferPool}s. Each local pool reserves its {@code min} buffers at
 * creation (creation fails with {@link InsufficientNetworkBuffersException} when the reservations
 * would exceed the total) and may borrow up to {@code max - min} more when unreserved buffers are
 * free. A borrowed buffer goes back here as soon as its local pool holds more than its minimum and
 * it is recycled, so idle capacity flows to whichever partition needs it.
 *
 * <p>Threading: thread-safe, one monitor. Local pools call in while holding their own monitor
 * (lock order: local pool, then this); this class never calls a local pool while holding its
 * monitor. Waiting local pools are told about returned capacity outside the lock.
 */
public final class NetworkBufferPool {
    private final int totalBuffers;
    private final int bufferSize;

    private final Object lock = new Object();
    // Guarded by lock.
    private final ArrayDeque<Buffer> freeSegments = new ArrayDeque<>();
    private int allocatedSegments;
    /** Segments held by local pools (available in them or in flight), including destroyed pools' stragglers. */
    private int inUse;
    /** The highest {@link #inUse} so far. */
    private int peakInUse;
    /** Sum of the live local pools' minimums. */
    private int reserved;
    /** Reserved segments local pools have not taken yet: kept free for them, never lent as excess. */
    private int unfilledReservations;

    private final List<LocalBufferPool> waiters = new ArrayList<>();
    private boolean destroyed;

    public NetworkBufferPool(int totalBuffers, int bufferSize) {
        if (totalBuffers < 1 || bufferSize < 1) {
            throw new IllegalArgumentException("Network buffer pool needs totalBuffers >= 1 and bufferSize >= 1, got "
                    + totalBuffers + " x " + bufferSize + " bytes");
        }
        this.totalBuffers = totalBuffers;
        this.bufferSize = bufferSize;
    }

    public int getTotalBuffers() {
        return totalBuffers;
    }

    public int getBufferSize() {
        return bufferSize;
    }

    /** Buffers not reserved by any local pool (some may be lent out as excess). */
    public int getUnreservedBuffers() {
        synchronized (lock) {
            return totalBuffers - reserved;
        }
    }

    /** Segments currently held by local pools or their readers. */
    public int getBuffersInUse() {
        synchronized (lock) {
            return inUse;
        }
    }

    /** The most segments local pools held at once since the pool was created. */
    public int getPeakBuffersInUse() {
        synchronized (lock) {
            return peakInUse;
        }
    }

    /**
     * Creates a local pool that is guaranteed {@code minBuffers} and may use up to {@code
     * maxBuffers}.
     *
     * @param owner who uses the pool, for error messages (e.g. "partition X of task Y")
     * @throws InsufficientNetworkBuffersException if the minimums of all pools would exceed the total
     */
    public LocalBufferPool createBufferPool(String owner, int minBuffers, int maxBuffers) {
        if (minBuffers < 0 || maxBuffers < Math.max(1, minBuffers)) {
            throw new IllegalArgumentException("Buffer pool of " + owner
                    + " needs 0 <= min <= max and max >= 1, got min " + minBuffers + ", max " + maxBuffers);
        }
        synchronized (lock) {
            if (destroyed) {
                throw new IllegalStateException("Network buffer pool is destroyed (TaskManager shutting down); cannot"
                        + " create a buffer pool for " + owner);
            }
            if (reserved + minBuffers > totalBuffers) {
                throw new InsufficientNetworkBuffersException("Insufficient network buffers: required " + minBuffers
                        + " for " + owner + ", available " + (totalBuffers - reserved) + " of " + totalBuffers
                        + "; increase taskmanager.network.buffers (NetworkConfig.totalBuffers), or lower the"
                        + " parallelism or NetworkConfig.buffersPerChannel");
            }
            reserved += minBuffers;
            unfilledReservations += minBuffers;
        }
        return new LocalBufferPool(this, owner, minBuffers, maxBuffers);
    }

    /**
     * Gives a segment to {@code pool}, or null (and remembers the pool as waiting) if none may be
     * given now. {@code withinMinimum}: the pool takes one of its reserved segments.
     */
    Buffer requestSegment(LocalBufferPool pool, boolean withinMinimum) {
        synchronized (lock) {
            if (!canGive(withinMinimum)) {
                addWaiter(pool);
                return null;
            }
            inUse++;
            if (inUse > peakInUse) {
                peakInUse = inUse;
            }
            if (withinMinimum) {
                unfilledReservations--;
            }
            Buffer segment = freeSegments.poll();
            if (segment == null) {
                allocatedSegments++;
                segment = new Buffer(new byte[bufferSize]);
            }
            return segment;
        }
    }

    /** True if {@link #requestSegment} would succeed now; otherwise remembers the pool as waiting. */
    boolean canGiveOrWait(LocalBufferPool pool, boolean withinMinimum) {
        synchronized (lock) {
            if (canGive(withinMinimum)) {
                return true;
            }
            addWaiter(pool);
            return false;
        }
    }

    private boolean canGive(boolean withinMinimum) {
        if (destroyed) {
            return false;
        }
        int keptForReservations = withinMinimum ? unfilledReservations - 1 : unfilledReservations;
        return totalBuffers - inUse - keptForReservations > 0;
    }

    private void addWaiter(LocalBufferPool pool) {
        if (!waiters.contains(pool)) {
            waiters.add(pool);
        }
    }

    /** Takes a segment back from a local pool and wakes the pools waiting for capacity. */
    void recycleSegment(Buffer segment) {
        LocalBufferPool[] toNotify;
        synchronized (lock) {
            inUse--;
            freeSegments.push(segment);
            toNotify = drainWaiters();
        }
        notifyAll(toNotify);
    }

    /** A local pool is gone: its reservation ends; the segments it still holds come back via {@link #recycleSegment}. */
    void destroyBufferPool(LocalBufferPool pool, int minBuffers, int heldSegments) {
        LocalBufferPool[] toNotify;
        synchronized (lock) {
            reserved -= minBuffers;
            unfilledReservations -= Math.max(0, minBuffers - heldSegments);
            waiters.remove(pool);
            toNotify = drainWaiters();
        }
        notifyAll(toNotify);
    }

    private LocalBufferPool[] drainWaiters() {
        if (waiters.isEmpty()) {
            return null;
        }
        LocalBufferPool[] pools = waiters.toArray(new LocalBufferPool[0]);
        waiters.clear();
        return pools;
    }

    private static void notifyAll(LocalBufferPool[] pools) {
        if (pools != null) {
            for (LocalBufferPool pool : pools) {
                pool.onGlobalCapacityAvailable();
            }
        }
    }

    /** Frees all idle segments; call when the TaskManager shuts down, after its pools are destroyed. */
    public void destroy() {
        LocalBufferPool[] toNotify;
        synchronized (lock) {
            destroyed = true;
            allocatedSegments -= freeSegments.size();
            freeSegments.clear();
            toNotify = drainWaiters();
        }
        notifyAll(toNotify);
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "NetworkBufferPool[total=" + totalBuffers + ", allocated=" + allocatedSegments + ", inUse=" + inUse
                    + ", reserved=" + reserved + ", bufferSize=" + bufferSize + "]";
        }
    }
}
