package io.sluice.runtime.taskexecutor;

import io.sluice.api.common.JobID;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.deployment.TaskDeploymentDescriptor;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.resourcemanager.AllocationID;
import io.sluice.runtime.resourcemanager.SlotID;
import io.sluice.runtime.util.SerializedValue;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A TaskExecutor as the ResourceManager and JobMasters see it. Every method is non-blocking, runs
 * on the TaskExecutor's main thread, and takes only serializable arguments.
 */
public interface TaskExecutorGateway {
    /**
     * Allocates the free slot {@code slotId} to {@code allocationId} and offers it to the JobMaster at
     * {@code jobMasterAddress}. Completes when the slot is allocated; fails if it is not free. If the
     * JobMaster rejects the offer, the slot is freed and reported to the ResourceManager.
     */
    CompletableFuture<Void> requestSlot(SlotID slotId, JobID jobId, AllocationID allocationId, String jobMasterAddress);

    /** Creates and starts the task in the slot of {@code allocationId}; fails if that slot is not the job's. */
    CompletableFuture<Void> submitTask(TaskDeploymentDescriptor tdd, AllocationID allocationId);

    /** Cancels a running task; completes at once if the task is unknown (it already ended). */
    CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId);

    /** Delivers a coordinator's event to a task; fails if the task is not on this TaskExecutor. */
    CompletableFuture<Void> sendOperatorEventToTask(
            ExecutionAttemptID attemptId, OperatorID operatorId, SerializedValue<OperatorEvent> event);

    /**
     * Triggers checkpoint {@code checkpointId} at a task the coordinator starts directly: a source,
     * or a task whose inputs all ended. Completes when the trigger is queued at the task.
     */
    CompletableFuture<Void> triggerCheckpoint(ExecutionAttemptID attemptId, long checkpointId, long timestamp);

    /** Checkpoint {@code checkpointId} completed: the task's operators are told (two-phase sinks commit). */
    CompletableFuture<Void> confirmCheckpoint(ExecutionAttemptID attemptId, long checkpointId);

    /** Checkpoint {@code checkpointId} was aborted: the task stops aligning for it. */
    CompletableFuture<Void> abortCheckpoint(ExecutionAttemptID attemptId, long checkpointId);

    /**
     * Releases the slot of {@code allocationId}: tasks still in it are failed with {@code cause}, the
     * slot becomes free and is reported to the ResourceManager.
     */
    CompletableFuture<Void> freeSlot(AllocationID allocationId, String cause);

    /**
     * The ResourceManager's heartbeat. Answers with all allocated slots. A TaskExecutor that hears
     * no heartbeat from its ResourceManager for {@code heartbeat.timeout} registers again.
     */
    CompletableFuture<TaskExecutorHeartbeatReport> heartbeatFromResourceManager(String resourceManagerAddress);

    /**
     * The heartbeat of the JobMaster of {@code jobId}. Answers with the slots held for that job. A
     * TaskExecutor that hears no heartbeat from a job it holds slots for during
     * {@code heartbeat.timeout} fails that job's tasks here and frees its slots.
     */
    CompletableFuture<TaskExecutorHeartbeatReport> heartbeatFromJobManager(JobID jobId);

    /**
     * The TaskManager's current metrics by Flink-style name ({@code Status.Shuffle.Netty.*} network
     * buffers, {@code Status.JVM.Memory.Heap.*}); see {@link TaskExecutorMetrics}.
     */
    CompletableFuture<Map<String, Long>> requestMetrics();
}
