package io.sluice.runtime.taskmanager;

import io.sluice.runtime.checkpoint.CheckpointMetrics;
import io.sluice.runtime.checkpoint.TaskStateSnapshot;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.execution.TaskExecutionStateUpdate;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.util.SerializedValue;

/**
 * What a running {@link Task} tells its TaskExecutor, which forwards it to the task's JobMaster.
 * Called from the task thread; implementations must not block it.
 */
public interface TaskManagerActions {
    void updateTaskExecutionState(TaskExecutionStateUpdate update);

    void acknowledgeCheckpoint(
            ExecutionAttemptID attempt, long checkpointId, CheckpointMetrics metrics, TaskStateSnapshot state);

    void declineCheckpoint(ExecutionAttemptID attempt, long checkpointId, Throwable reason);

    void notifyEndOfInput(ExecutionAttemptID attempt);

    void sendOperatorEventToCoordinator(
            ExecutionAttemptID attempt, OperatorID operator, SerializedValue<OperatorEvent> event);
}
