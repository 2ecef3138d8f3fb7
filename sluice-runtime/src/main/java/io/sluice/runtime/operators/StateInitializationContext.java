package io.sluice.runtime.operators;

import io.sluice.runtime.state.OperatorRestore;

/**
 * What an operator gets in {@link StreamOperator#initializeState}: whether its task restores a
 * checkpoint, and then the state the operator's subtasks wrote into it.
 *
 * @param restore the state to restore, or null when the task starts fresh
 */
public record StateInitializationContext(OperatorRestore restore) {
    public static final StateInitializationContext FRESH = new StateInitializationContext(null);

    public boolean isRestored() {
        return restore != null;
    }

    /** The checkpoint restored from; -1 when not restored. */
    public long getRestoredCheckpointId() {
        return restore == null ? -1 : restore.checkpointId();
    }
}
