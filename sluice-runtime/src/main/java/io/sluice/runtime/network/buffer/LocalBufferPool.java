package io.sluice.runtime.network.buffer;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The buffers of one result partition (or input gate): between {@code min} (reserved in the {@link
 * NetworkBufferPool}) and {@code max} segments. A slow consumer can hold at most {@code max} of
 * them, so it bounds the producer's memory; once all are in flight the producer waits for one to be
 * recycled. That wait is backpressure.
 *
 * <p>Threading: the producer's task thread requests buffers; consumer threads recycle them; the
 * monitor of this object guards the state. {@link #isAvailable()} is one volatile read. The
 * availability future is completed by the thread that recycles a buffer (or returns capacity to
 * the global pool), outside any lock.
 *
 * <p>Lifecycle: {@link #lazyDestroy()} returns idle segments at once; segments still in flight go
 * back to the global pool when their reader recycles them. Requests after destruction fail.
 */
public final class LocalBufferPool implements BufferRecycler {
    private static final CompletableFuture<Void> AVAILABLE = CompletableFuture.completedFuture(null);

    private final NetworkBufferPool globalPool;
    private final String owner;
    private final int minBuffers;
    private final int maxBuffers;

    // Guarded by this.
    private final ArrayDeque<Buffer> available = new ArrayDeque<>();
    private int numHeld;
    /** Segments counted in {@link #numHeld} that a recycler is handing back to the global pool. */
    private int returning;

    private boolean destroyed;
    /** Incomplete while no buffer can be handed out; replaced, never reset. */
    private volatile CompletableFuture<Void> availableFuture = AVAILABLE;

    LocalBufferPool(NetworkBufferPool globalPool, String owner, int minBuffers, int maxBuffers) {
        this.globalPool = globalPool;
        this.owner = owner;
        this.minBuffers = minBuffers;
        this.maxBuffers = maxBuffers;
    }

    public int getMinBuffers() {
        return minBuffers;
    }

    /** The most buffers this pool may have out at once: the bound a slow consumer puts on the producer. */
    public int getMaxBuffers() {
        return maxBuffers;
    }

    /** Segments this pool holds now (idle in it or in flight). */
    public synchronized int getNumHeld() {
        return numHeld;
    }

    /** Buffers handed out and not yet recycled. */
    public synchronized int getNumInFlight() {
        return numHeld - available.size();
    }

    /** A buffer, or null if none is free now (then {@link #getAvailableFuture()} tells when to retry). */
    public Buffer requestBuffer() {
        synchronized (this) {
            if (destroyed) {
                throw new IllegalStateException("Buffer pool of " + owner + " was released (task canceled or failed);"
                        + " no more buffers can be requested");
            }
            Buffer buffer = available.poll();
            if (buffer == null && numHeld < maxBuffers) {
                buffer = globalPool.requestSegment(this, numHeld < minBuffers);
                if (buffer != null) {
                    numHeld++;
                }
            }
            if (buffer == null) {
                markUnavailable();
                return null;
            }
            if (available.isEmpty() && !canGrow()) {
                markUnavailable();
            }
            buffer.prepareForUse(this);
            return buffer;
        }
    }

    /**
     * A buffer, waiting until one is free. Interruptible: cancellation interrupts the task thread,
     * which gets an {@link InterruptedException} here.
     */
    public Buffer requestBufferBlocking() throws InterruptedException {
        while (true) {
            Buffer buffer = requestBuffer();
            if (buffer != null) {
                return buffer;
            }
            try {
                availableFuture.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Buffer pool of " + owner + " failed", e.getCause());
            }
        }
    }

    /** True if a buffer can be requested without waiting. One volatile read. */
    public boolean isAvailable() {
        return availableFuture.isDone();
    }

    /** Completed when a buffer can be requested; completion runs on the recycling thread, so keep callbacks cheap. */
    public CompletableFuture<?> getAvailableFuture() {
        return availableFuture;
    }

    // Called with this monitor held.
    private boolean canGrow() {
        return numHeld < maxBuffers && globalPool.canGiveOrWait(this, numHeld < minBuffers);
    }

    // Called with this monitor held.
    private void markUnavailable() {
        if (availableFuture.isDone()) {
            availableFuture = new CompletableFuture<>();
        }
    }

    /**
     * Takes a buffer back; called through {@link Buffer#recycleBuffer()} by the reader's thread. A
     * segment above the minimum goes back to the global pool before this pool counts it as gone,
     * so this pool and the global pool together never hold more than {@code max} of its segments,
     * not even while one is on its way back.
     */
    @Override
    public void recycle(Buffer buffer) {
        boolean toGlobal;
        synchronized (this) {
            if (destroyed || numHeld - returning > minBuffers) {
                returning++;
                toGlobal = true;
            } else {
                available.add(buffer);
                toGlobal = false;
            }
        }
        if (toGlobal) {
            globalPool.recycleSegment(buffer);
        }
        CompletableFuture<Void> toComplete = null;
        synchronized (this) {
            if (toGlobal) {
                returning--;
                numHeld--;
            }
            if (!destroyed && !availableFuture.isDone()) {
                // Either a buffer is idle here now, or this pool is below its max again and the
                // segment just returned to the global pool can be taken back.
                toComplete = availableFuture;
            }
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    /** The global pool has capacity again: let a waiting producer retry. */
    void onGlobalCapacityAvailable() {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            toComplete = availableFuture;
        }
        toComplete.complete(null);
    }

    /** Releases the pool: idle segments go back now, in-flight ones when recycled; waiting producers wake and fail. */
    public void lazyDestroy() {
        CompletableFuture<Void> toComplete;
        Buffer[] idle;
        int heldAtDestroy;
        synchronized (this) {
            if (destroyed) {
                return;
            }
            destroyed = true;
            heldAtDestroy = numHeld;
            idle = available.toArray(new Buffer[0]);
            available.clear();
            numHeld -= idle.length;
            toComplete = availableFuture;
        }
        globalPool.destroyBufferPool(this, minBuffers, heldAtDestroy);
        for (Buffer segment : idle) {
            globalPool.recycleSegment(segment);
        }
        toComplete.complete(null);
    }

    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "LocalBufferPool[" + owner + ", min=" + minBuffers + ", max=" + maxBuffers + "]";
    }
}
