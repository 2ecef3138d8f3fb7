package io.sluice.runtime.operators.coordination;

import io.sluice.api.common.JobID;
import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

/**
 * The JobMaster-side counterpart of an operator (a source's split enumerator, for instance).
 *
 * <p>Threading: the JobMaster calls every method on one thread per coordinator (the coordinator
 * thread); the coordinator must not block it. Call order: {@link #start()}, then
 * {@link #subtaskReady} / {@link #handleEventFromOperator} / {@link #executionAttemptFailed}
 * interleaved, then {@link #close()}. A coordinator that throws fails the job.
 */
public interface OperatorCoordinator extends AutoCloseable {
    void start() throws Exception;

    /** An event from subtask {@code subtask}, attempt {@code attemptNumber}. */
    void handleEventFromOperator(int subtask, int attemptNumber, OperatorEvent event) throws Exception;

    /** The subtask's attempt is running and can receive events through the gateway. */
    void subtaskReady(int subtask, int attemptNumber, SubtaskGateway gateway);

    /** The subtask's attempt failed or was cancelled; its gateway is no longer valid. */
    void executionAttemptFailed(int subtask, int attemptNumber, Throwable reason);

    /**
     * The coordinator's part of checkpoint {@code checkpointId}, taken before the tasks are
     * triggered; null if it has no state. Events it sends from now on reach the tasks after the
     * checkpoint's trigger.
     */
    default byte[] checkpointCoordinator(long checkpointId) throws Exception {
        return null;
    }

    /** Restores the state of a checkpoint; called before {@link #start()}. */
    default void resetToCheckpoint(long checkpointId, byte[] checkpointData) throws Exception {}

    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    default void notifyCheckpointAborted(long checkpointId) throws Exception {}

    @Override
    void close() throws Exception;

    /** Sends events to one running subtask attempt. */
    interface SubtaskGateway {
        CompletableFuture<Void> sendEvent(OperatorEvent event);

        int getSubtask();
    }

    /** What the JobMaster offers a coordinator. */
    interface Context {
        JobID getJobId();

        OperatorID getOperatorId();

        int currentParallelism();

        /** Fails the whole job with this cause. */
        void failJob(Throwable cause);

        /** Runs an action on this coordinator's thread. */
        void runInCoordinatorThread(Runnable action);

        ClassLoader getUserCodeClassLoader();
    }

    /** Serializable factory, stored in the job vertex. */
    interface Provider extends Serializable {
        OperatorID getOperatorId();

        OperatorCoordinator create(Context context) throws Exception;
    }
}
