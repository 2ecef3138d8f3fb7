package io.sluice.runtime.source.coordinator;

import io.sluice.api.common.JobID;
import io.sluice.runtime.operators.coordination.OperatorCoordinator;
import io.sluice.runtime.operators.coordination.OperatorID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A coordinator context with a real single "coordinator-thread" and a recorded job failure. */
final class FakeCoordinatorContext implements OperatorCoordinator.Context, AutoCloseable {
    static final String COORDINATOR_THREAD = "coordinator-thread";

    private final int parallelism;
    private final ExecutorService coordinatorThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, COORDINATOR_THREAD);
        t.setDaemon(true);
        return t;
    });
    final CompletableFuture<Throwable> jobFailure = new CompletableFuture<>();

    FakeCoordinatorContext(int parallelism) {
        this.parallelism = parallelism;
    }

    /** Runs the call on the coordinator thread and waits for it, as the JobMaster would call. */
    <T> T call(Callable<T> callable) throws Exception {
        return coordinatorThread.submit(callable).get(10, TimeUnit.SECONDS);
    }

    void run(ThrowingRunnable runnable) throws Exception {
        call(() -> {
            runnable.run();
            return null;
        });
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Override
    public JobID getJobId() {
        return new JobID(7, 7);
    }

    @Override
    public OperatorID getOperatorId() {
        return new OperatorID(1, 2);
    }

    @Override
    public int currentParallelism() {
        return parallelism;
    }

    @Override
    public void failJob(Throwable cause) {
        jobFailure.complete(cause);
    }

    @Override
    public void runInCoordinatorThread(Runnable action) {
        coordinatorThread.execute(action);
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return getClass().getClassLoader();
    }

    @Override
    public void close() {
        coordinatorThread.shutdownNow();
    }
}
