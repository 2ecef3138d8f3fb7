package io.sluice.runtime.taskmanager;

import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.deployment.TaskDeploymentDescriptor;
import io.sluice.runtime.execution.ExecutionState;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.util.SerializedValue;

/**
 * A running subtask as its TaskExecutor sees it. Every method may be called from any thread and
 * returns at once. The task reports every state change, including the terminal one, through
 * {@link TaskManagerActions#updateTaskExecutionState}.
 */
public interface TaskHandle {
    ExecutionAttemptID getAttemptId();

    TaskDeploymentDescriptor getDescriptor();

    ExecutionState getExecutionState();

    void startTaskThread();

    /** Cancels the task: stops it promptly, interrupting user code if it does not return. */
    void cancelExecution();

    /** Fails the task from outside (e.g. its JobMaster is gone). */
    void failExternally(Throwable cause);

    /** Queues checkpoint {@code checkpointId}'s trigger in the task's mailbox. */
    default void triggerCheckpoint(long checkpointId, long timestamp) {}

    default void notifyCheckpointComplete(long checkpointId) {}

    default void notifyCheckpointAborted(long checkpointId) {}

    void deliverOperatorEvent(OperatorID operator, SerializedValue<OperatorEvent> event);
}
