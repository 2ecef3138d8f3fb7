package io.sluice.api.state;

/**
 * A user function that keeps state of its own and checkpoints it through operator (or keyed)
 * state.
 *
 * <p>Call order, on the task thread: {@link #initializeState} once, after the operator's state
 * backends exist and before {@code open()} (restored or not: check {@link
 * FunctionInitializationContext#isRestored()}); {@link #snapshotState} at every checkpoint,
 * between records, before the state backends capture their state, so what it puts into its states
 * there is part of the checkpoint. An exception from either fails the task (respectively the
 * checkpoint).
 */
public interface CheckpointedFunction {
    /**
     * A checkpoint is taken: move what the function keeps in fields into its states (typically
     * {@code clear()} then {@code add}).
     */
    void snapshotState(FunctionSnapshotContext context) throws Exception;

    /** Creates (and, when restored, reads back) the function's states. */
    void initializeState(FunctionInitializationContext context) throws Exception;
}
