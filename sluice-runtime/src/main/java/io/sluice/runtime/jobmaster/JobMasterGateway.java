package io.sluice.runtime.jobmaster;

import io.sluice.api.common.JobStatus;
import io.sluice.runtime.checkpoint.CheckpointMetrics;
import io.sluice.runtime.checkpoint.TaskStateSnapshot;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.execution.TaskExecutionStateUpdate;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.resourcemanager.AllocationID;
import io.sluice.runtime.resourcemanager.TaskExecutorRegistration;
import io.sluice.runtime.util.SerializedThrowable;
import io.sluice.runtime.util.SerializedValue;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * One job's JobMaster as TaskExecutors and the Dispatcher see it. Every method is non-blocking,
 * runs on the JobMaster's main thread, and takes only serializable arguments. Calls after the job
 * ended fail with {@link io.sluice.runtime.rpc.EndpointStoppedException}.
 */
public interface JobMasterGateway {
    /**
     * Offers slots of {@code taskExecutor}; completes with the offers accepted. Offers the job does
     * not (or no longer) need are left out, and the TaskExecutor frees those slots.
     */
    CompletableFuture<Collection<SlotOffer>> offerSlots(
            TaskExecutorRegistration taskExecutor, Collection<SlotOffer> offers);

    /** A task's state change (with its error or accumulators). */
    CompletableFuture<Void> updateTaskExecutionState(TaskExecutionStateUpdate update);

    /** An event from a subtask's operator to its coordinator. */
    CompletableFuture<Void> sendOperatorEventToCoordinator(
            ExecutionAttemptID attemptId, OperatorID operatorId, SerializedValue<OperatorEvent> event);

    /** A task's part of checkpoint {@code checkpointId}: its state handles. */
    CompletableFuture<Void> acknowledgeCheckpoint(
            ExecutionAttemptID attemptId, long checkpointId, CheckpointMetrics metrics, TaskStateSnapshot state);

    /** A task could not take its part of checkpoint {@code checkpointId}. */
    CompletableFuture<Void> declineCheckpoint(
            ExecutionAttemptID attemptId, long checkpointId, SerializedThrowable reason);

    /**
     * A task's inputs all ended and its operators finished; with checkpointing on, it waits for a
     * checkpoint it takes from now on to complete (its final state), then finishes.
     */
    CompletableFuture<Void> notifyEndOfInput(ExecutionAttemptID attemptId);

    /** Cancels the job; completes when the cancellation started (the job result says when it ended). */
    CompletableFuture<Void> cancel();

    CompletableFuture<JobStatus> requestJobStatus();

    /** Status, per-vertex subtask states and the first failure, as of now. */
    CompletableFuture<JobDetails> requestJobDetails();

    /**
     * The ResourceManager lost TaskManager {@code taskManagerId}, which held the slots of
     * {@code allocationIds} for this job (accepted ones, or ones matched to a request and not yet
     * offered). The JobMaster fails the attempt running there (restart strategy) and asks again for
     * slots it was still waiting for. Idempotent.
     */
    CompletableFuture<Void> disconnectTaskManager(
            String taskManagerId, Collection<AllocationID> allocationIds, String reason);
}
