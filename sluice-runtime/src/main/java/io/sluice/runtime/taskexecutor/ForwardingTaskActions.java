package io.sluice.runtime.taskexecutor;

import io.sluice.runtime.checkpoint.CheckpointMetrics;
import io.sluice.runtime.checkpoint.TaskStateSnapshot;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.execution.TaskExecutionStateUpdate;
import io.sluice.runtime.jobmaster.JobMasterGateway;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.taskmanager.TaskManagerActions;
import io.sluice.runtime.util.SerializedThrowable;
import io.sluice.runtime.util.SerializedValue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards a task's reports to its JobMaster. Called on the task thread: only non-blocking
 * gateway calls and, for a terminal state, {@code onTerminalState}, which hops onto the
 * {@link TaskExecutor}'s main thread to drop the task from its table.
 */
final class ForwardingTaskActions implements TaskManagerActions {
    // Logs under the TaskExecutor's name: these are the TaskExecutor's messages.
    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);

    private final JobMasterGateway jobMaster;
    /** True once the TaskExecutor (simulated) crashed: a dead process reports nothing. */
    private final BooleanSupplier crashed;

    private final Consumer<TaskExecutionStateUpdate> onTerminalState;

    ForwardingTaskActions(
            JobMasterGateway jobMaster, BooleanSupplier crashed, Consumer<TaskExecutionStateUpdate> onTerminalState) {
        this.jobMaster = jobMaster;
        this.crashed = crashed;
        this.onTerminalState = onTerminalState;
    }

    @Override
    public void updateTaskExecutionState(TaskExecutionStateUpdate update) {
        if (crashed.getAsBoolean()) {
            return; // a dead process reports nothing
        }
        jobMaster.updateTaskExecutionState(update).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.debug(
                        "State {} of task {} not delivered to its JobMaster: {}",
                        update.state(),
                        update.attemptId(),
                        error.toString());
            }
        });
        if (update.state().isTerminal()) {
            onTerminalState.accept(update);
        }
    }

    @Override
    public void acknowledgeCheckpoint(
            ExecutionAttemptID attempt, long checkpointId, CheckpointMetrics metrics, TaskStateSnapshot state) {
        if (crashed.getAsBoolean()) {
            return;
        }
        jobMaster.acknowledgeCheckpoint(attempt, checkpointId, metrics, state).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.debug(
                        "Acknowledgement of checkpoint {} by {} not delivered: {}",
                        checkpointId,
                        attempt,
                        error.toString());
            }
        });
    }

    @Override
    public void declineCheckpoint(ExecutionAttemptID attempt, long checkpointId, Throwable reason) {
        if (crashed.getAsBoolean()) {
            return;
        }
        jobMaster
                .declineCheckpoint(attempt, checkpointId, new SerializedThrowable(reason))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        LOG.debug(
                                "Decline of checkpoint {} by {} not delivered: {}",
                                checkpointId,
                                attempt,
                                error.toString());
                    }
                });
    }

    @Override
    public void notifyEndOfInput(ExecutionAttemptID attempt) {
        if (crashed.getAsBoolean()) {
            return;
        }
        jobMaster.notifyEndOfInput(attempt).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.debug("End of input of {} not delivered: {}", attempt, error.toString());
            }
        });
    }

    @Override
    public void sendOperatorEventToCoordinator(
            ExecutionAttemptID attempt, OperatorID operator, SerializedValue<OperatorEvent> event) {
        if (crashed.getAsBoolean()) {
            return;
        }
        jobMaster.sendOperatorEventToCoordinator(attempt, operator, event).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.debug("Event of task {} for operator {} not delivered: {}", attempt, operator, error.toString());
            }
        });
    }
}
