package io.sluice.runtime.rpc;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The single "main thread" of one endpoint: a named daemon thread that runs submitted actions one
 * at a time in submission order, plus delayed actions. The thread is started lazily by the first
 * action, so creating an endpoint costs no thread.
 *
 * <p>Thread safety: every method may be called from any thread. Actions submitted after
 * {@link #shutdown()} are rejected: {@link #execute} throws and {@link #call} returns a failed
 * future naming the endpoint.
 */
public final class MainThreadExecutor implements Executor {
    private final String name;
    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread mainThread;

    public MainThreadExecutor(String name) {
        this.name = name;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            mainThread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public String getName() {
        return name;
    }

    @Override
    public void execute(Runnable action) {
        executor.execute(action);
    }

    /** Runs {@code action} on the main thread; the future carries its result or exception. */
    public <T> CompletableFuture<T> call(Callable<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(action.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new EndpointStoppedException(name));
        }
        return result;
    }

    /** Runs {@code action} on the main thread after {@code delay}; cancel the returned future to drop it. */
    public ScheduledFuture<?> schedule(Runnable action, Duration delay) {
        return executor.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    public boolean isMainThread() {
        return Thread.currentThread() == mainThread;
    }

    /** Runs the actions already queued, rejects new ones, and lets the thread end. */
    public void shutdown() {
        executor.shutdown();
    }

    /** Drops queued actions and interrupts the thread; waits up to {@code timeout} for it to end. */
    public boolean shutdownNow(Duration timeout) {
        executor.shutdownNow();
        if (isMainThread()) {
            return true;
        }
        try {
            return executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isShutdown() {
        return executor.isShutdown();
    }
}
