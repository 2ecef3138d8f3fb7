package io.sluice.runtime.taskmanager;

import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.deployment.TaskDeploymentDescriptor;
import io.sluice.runtime.execution.ExecutionState;
import io.sluice.runtime.network.NetworkEnvironment;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.util.SerializedValue;

/**
 * One execution attempt of one subtask on a TaskManager, with its own thread. PLACEHOLDER
 * signatures: the task work fills this in. The TaskExecutor creates it, calls
 * {@link #startTaskThread()}, and may call {@link #cancelExecution()} and
 * {@link #deliverOperatorEvent} from any thread. The task reports every state change, including
 * the terminal one (FINISHED with accumulators, FAILED with the error, CANCELED), through
 * {@link TaskManagerActions#updateTaskExecutionState}.
 */
public final class Task implements TaskHandle {
    private final TaskDeploymentDescriptor tdd;

    public Task(
            TaskDeploymentDescriptor tdd,
            String taskManagerId,
            NetworkEnvironment network,
            ClassLoader userCodeClassLoader,
            TaskManagerActions actions) {
        this.tdd = tdd;
    }

    @Override
    public ExecutionAttemptID getAttemptId() {
        return tdd.attemptId();
    }

    @Override
    public TaskDeploymentDescriptor getDescriptor() {
        return tdd;
    }

    @Override
    public ExecutionState getExecutionState() {
        return ExecutionState.CREATED;
    }

    @Override
    public void startTaskThread() {}

    /** Cancels the task: stops it promptly, interrupting user code if it does not return. */
    @Override
    public void cancelExecution() {}

    /** Fails the task from outside (e.g. its JobMaster is gone). */
    @Override
    public void failExternally(Throwable cause) {}

    @Override
    public void deliverOperatorEvent(OperatorID operator, SerializedValue<OperatorEvent> event) {}
}
