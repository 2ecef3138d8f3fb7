package io.sluice.runtime.jobmaster;

import io.sluice.api.common.JobID;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.operators.coordination.OperatorCoordinator;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.taskexecutor.TaskExecutorGateway;
import io.sluice.runtime.util.SerializedValue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operator coordinator of a job and its own thread (the coordinator thread). Every call into
 * the coordinator, including its creation, runs on that thread, in submission order; an exception
 * there fails the job with an {@link OperatorCoordinatorException} naming the operator. The
 * JobMaster calls the methods of this class from its main thread; they only enqueue.
 */
final class OperatorCoordinatorHolder {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorCoordinatorHolder.class);

    private final OperatorID operatorId;
    private final String vertexName;
    private final ClassLoader userCodeClassLoader;
    private final Consumer<Throwable> jobFailer;
    private final ThreadPoolExecutor thread;

    // Owned by the coordinator thread.
    private OperatorCoordinator coordinator;

    /** Sends held back while a checkpoint's triggers are on their way; guarded by itself. */
    private final java.util.ArrayDeque<Runnable> valve = new java.util.ArrayDeque<>();

    private boolean valveClosed;

    /** The thread is created lazily; {@link #create} must be the first call. */
    OperatorCoordinatorHolder(
            OperatorID operatorId, String vertexName, ClassLoader userCodeClassLoader, Consumer<Throwable> jobFailer) {
        this.operatorId = operatorId;
        this.vertexName = vertexName;
        this.userCodeClassLoader = userCodeClassLoader;
        this.jobFailer = jobFailer;
        String threadName = "coordinator-" + vertexName + "-" + operatorId;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            t.setContextClassLoader(userCodeClassLoader);
            return t;
        });
    }

    OperatorID getOperatorId() {
        return operatorId;
    }

    void create(OperatorCoordinator.Provider provider, JobID jobId, int parallelism) {
        Context context = new Context(jobId, parallelism);
        run("create", () -> coordinator = provider.create(context));
    }

    void start() {
        run("start", () -> coordinator.start());
    }

    void subtaskReady(int subtask, int attemptNumber, ExecutionAttemptID attemptId, TaskExecutorGateway taskExecutor) {
        Gateway gateway = new Gateway(subtask, attemptId, taskExecutor);
        run("subtaskReady", () -> coordinator.subtaskReady(subtask, attemptNumber, gateway));
    }

    void handleEventFromOperator(int subtask, int attemptNumber, SerializedValue<OperatorEvent> serialized) {
        run("handleEventFromOperator", () -> {
            OperatorEvent event = serialized.deserialize(userCodeClassLoader);
            coordinator.handleEventFromOperator(subtask, attemptNumber, event);
        });
    }

    void executionAttemptFailed(int subtask, int attemptNumber, Throwable reason) {
        run("executionAttemptFailed", () -> coordinator.executionAttemptFailed(subtask, attemptNumber, reason));
    }

    /**
     * Takes the coordinator's part of checkpoint {@code checkpointId} on its thread and closes the
     * event valve: events it sends from then on wait until {@link #openValve()}, which the
     * JobMaster calls after it sent the checkpoint's triggers, so the tasks see them after their
     * snapshot.
     */
    CompletableFuture<byte[]> checkpoint(long checkpointId) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                if (coordinator == null) {
                    result.completeExceptionally(new IllegalStateException(
                            "The coordinator of operator " + operatorId + " was not created"));
                    return;
                }
                try {
                    byte[] state = coordinator.checkpointCoordinator(checkpointId);
                    synchronized (valve) {
                        valveClosed = true;
                    }
                    result.complete(state);
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(
                    new IllegalStateException("The coordinator of operator " + operatorId + " is closed"));
        }
        return result;
    }

    /** Sends the events held back since the last checkpoint, in order, and lets new ones through. */
    void openValve() {
        synchronized (valve) {
            valveClosed = false;
            Runnable send;
            while ((send = valve.poll()) != null) {
                send.run();
            }
        }
    }

    void resetToCheckpoint(long checkpointId, byte[] state) {
        run("resetToCheckpoint", () -> coordinator.resetToCheckpoint(checkpointId, state));
    }

    void notifyCheckpointComplete(long checkpointId) {
        run("notifyCheckpointComplete", () -> coordinator.notifyCheckpointComplete(checkpointId));
    }

    void notifyCheckpointAborted(long checkpointId) {
        run("notifyCheckpointAborted", () -> coordinator.notifyCheckpointAborted(checkpointId));
    }

    /** Closes the coordinator on its thread, then lets the thread end. */
    void close() {
        try {
            thread.execute(() -> {
                if (coordinator != null) {
                    try {
                        coordinator.close();
                    } catch (Throwable t) {
                        LOG.warn("Closing the coordinator of operator {} in '{}' failed", operatorId, vertexName, t);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // already closed
        }
        thread.shutdown();
    }

    /** Stops the thread at once, for a cluster that shuts down. */
    void shutdownNow() {
        thread.shutdownNow();
    }

    private interface CoordinatorCall {
        void run() throws Exception;
    }

    private void run(String method, CoordinatorCall call) {
        try {
            thread.execute(() -> {
                if (coordinator == null && !method.equals("create")) {
                    return; // creation failed; the job is failing
                }
                try {
                    call.run();
                } catch (Throwable t) {
                    LOG.warn(
                            "Operator coordinator of operator {} in '{}' failed in {}",
                            operatorId,
                            vertexName,
                            method,
                            t);
                    jobFailer.accept(new OperatorCoordinatorException(
                            "The coordinator of operator " + operatorId + " in vertex '" + vertexName + "' failed in "
                                    + method + ": " + t,
                            t));
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Dropping {} for the closed coordinator of operator {}", method, operatorId);
        }
    }

    /** The coordinator's view of the JobMaster. Thread-safe. */
    private final class Context implements OperatorCoordinator.Context {
        private final JobID jobId;
        private final int parallelism;

        Context(JobID jobId, int parallelism) {
            this.jobId = jobId;
            this.parallelism = parallelism;
        }

        @Override
        public JobID getJobId() {
            return jobId;
        }

        @Override
        public OperatorID getOperatorId() {
            return operatorId;
        }

        @Override
        public int currentParallelism() {
            return parallelism;
        }

        @Override
        public void failJob(Throwable cause) {
            LOG.info(
                    "The coordinator of operator {} in '{}' fails the job: {}",
                    operatorId,
                    vertexName,
                    cause.toString());
            jobFailer.accept(cause);
        }

        @Override
        public void runInCoordinatorThread(Runnable action) {
            run("runInCoordinatorThread", action::run);
        }

        @Override
        public ClassLoader getUserCodeClassLoader() {
            return userCodeClassLoader;
        }
    }

    /** Sends events to one subtask attempt through its TaskExecutor. Thread-safe. */
    private final class Gateway implements OperatorCoordinator.SubtaskGateway {
        private final int subtask;
        private final ExecutionAttemptID attemptId;
        private final TaskExecutorGateway taskExecutor;

        Gateway(int subtask, ExecutionAttemptID attemptId, TaskExecutorGateway taskExecutor) {
            this.subtask = subtask;
            this.attemptId = attemptId;
            this.taskExecutor = taskExecutor;
        }

        @Override
        public CompletableFuture<Void> sendEvent(OperatorEvent event) {
            SerializedValue<OperatorEvent> serialized;
            try {
                serialized = SerializedValue.of(event);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            synchronized (valve) {
                if (!valveClosed) {
                    return taskExecutor.sendOperatorEventToTask(attemptId, operatorId, serialized);
                }
                CompletableFuture<Void> sent = new CompletableFuture<>();
                valve.add(() -> taskExecutor
                        .sendOperatorEventToTask(attemptId, operatorId, serialized)
                        .whenComplete((ok, error) -> {
                            if (error != null) {
                                sent.completeExceptionally(error);
                            } else {
                                sent.complete(null);
                            }
                        }));
                return sent;
            }
        }

        @Override
        public int getSubtask() {
            return subtask;
        }
    }
}
