package io.sluice.runtime.entrypoint;

import java.util.concurrent.CountDownLatch;

/**
 * What the process classes share: {@link #close()} stops the process's components once (from the
 * controlling thread or the shutdown hook), and {@link #awaitTermination()} waits for that.
 */
abstract class ClusterProcess implements AutoCloseable {
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean closing;

    /** Stops every component; runs once. */
    protected abstract void stop();

    /** Blocks until {@link #close} ran. */
    public final void awaitTermination() throws InterruptedException {
        closed.await();
    }

    /** Stops the process's components. Idempotent. */
    @Override
    public final synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        try {
            stop();
        } finally {
            closed.countDown();
        }
    }
}
