package io.sluice.runtime.executiongraph;

import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.execution.ExecutionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt to run one subtask, with its {@link ExecutionState} (diagram there). Every state
 * change goes through {@link #transitionState}, which rejects transitions the state machine does
 * not allow and logs the ones it makes. Owned by the JobMaster's main thread.
 */
public final class Execution {
    private static final Logger LOG = LoggerFactory.getLogger(Execution.class);

    private final ExecutionVertex vertex;
    private final ExecutionAttemptID attemptId = new ExecutionAttemptID();
    private final int attemptNumber;
    private ExecutionState state = ExecutionState.CREATED;
    private AssignedSlot slot;

    Execution(ExecutionVertex vertex, int attemptNumber) {
        this.vertex = vertex;
        this.attemptNumber = attemptNumber;
    }

    public ExecutionVertex getVertex() {
        return vertex;
    }

    public ExecutionAttemptID getAttemptId() {
        return attemptId;
    }

    public int getAttemptNumber() {
        return attemptNumber;
    }

    public ExecutionState getState() {
        return state;
    }

    public boolean canTransitionTo(ExecutionState target) {
        return state.successors().contains(target);
    }

    /** Moves to {@code target}; throws {@link IllegalStateException} naming the subtask if not allowed. */
    public void transitionState(ExecutionState target) {
        if (!canTransitionTo(target)) {
            throw new IllegalStateException("Illegal state transition of " + this + ": " + state + " -> " + target
                    + " (allowed: " + state.successors() + ")");
        }
        LOG.info("{} switched from {} to {}", this, state, target);
        state = target;
    }

    public AssignedSlot getAssignedSlot() {
        return slot;
    }

    public void assignSlot(AssignedSlot slot) {
        this.slot = slot;
    }

    @Override
    public String toString() {
        return vertex.getTaskNameWithSubtask() + " (attempt #" + attemptNumber + ", " + attemptId + ")";
    }
}
