package io.sluice.runtime.rpc;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * Base of a control-plane component. The component's mutable state is owned by its main thread
 * ({@link MainThreadExecutor}); gateway methods, called from any thread, hop onto it with
 * {@link #runAsync}, {@link #callAsync} or {@link #callAsyncCompose} and never touch state
 * directly. No locks guard component state. Subclasses check the rule in private state-changing
 * methods with {@link #assertRunningInMainThread()}.
 */
public abstract class RpcEndpoint {
    private final String address;
    private final MainThreadExecutor mainThread;

    protected RpcEndpoint(String address) {
        this.address = address;
        this.mainThread = new MainThreadExecutor(address);
    }

    /** The address under which the endpoint's gateway is registered in the {@link RpcService}. */
    public final String getAddress() {
        return address;
    }

    protected final MainThreadExecutor getMainThreadExecutor() {
        return mainThread;
    }

    /** Runs {@code action} on the main thread; drops it (logged by the caller's future, if any) once stopped. */
    protected final void runAsync(Runnable action) {
        mainThread.call(() -> {
            action.run();
            return null;
        });
    }

    protected final <T> CompletableFuture<T> callAsync(Callable<T> action) {
        return mainThread.call(action);
    }

    /** Runs {@code action} on the main thread and completes with the future it returns. */
    protected final <T> CompletableFuture<T> callAsyncCompose(Supplier<CompletableFuture<T>> action) {
        return mainThread.call(action::get).thenCompose(f -> f);
    }

    protected final ScheduledFuture<?> schedule(Runnable action, Duration delay) {
        return mainThread.schedule(action, delay);
    }

    public final boolean isRunningInMainThread() {
        return mainThread.isMainThread();
    }

    /** Fails fast when state is touched from a thread other than the endpoint's main thread. */
    public final void assertRunningInMainThread() {
        if (!mainThread.isMainThread()) {
            throw new IllegalStateException("Endpoint '" + address + "' state accessed from thread '"
                    + Thread.currentThread().getName() + "' instead of its main thread");
        }
    }

    /** Lets queued actions finish and stops the main thread; later calls fail with {@link EndpointStoppedException}. */
    protected final void stopMainThread() {
        mainThread.shutdown();
    }
}
