package io.sluice.runtime.operators;

import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.state.OperatorSnapshot;

/**
 * An operator in a task's chain. Every method runs on the task thread.
 *
 * <p>Call order: {@link #setup} once, {@link #initializeState} once (restoring a checkpoint or
 * not), {@link #open} once (operators of a chain are opened tail
 * first, so an operator's outputs are ready when it opens), records and watermarks, then
 * {@link #finish} once at the end of a bounded input (head first: flush what is buffered and emit
 * it), and {@link #close} last, also after a failure or cancellation if {@code setup} was called.
 */
public interface StreamOperator<OUT> {
    void setup(StreamOperatorParameters<OUT> parameters);

    /**
     * Creates the operator's state and, when the task restores a checkpoint, restores it. Runs
     * after {@link #setup} and before {@link #open}, for every operator of the chain.
     */
    default void initializeState(StateInitializationContext context) throws Exception {}

    void open() throws Exception;

    /**
     * A checkpoint is about to be taken: emit what belongs before its barrier (buffered output).
     * Must not change state in a way the snapshot would miss. Head first, before any snapshot.
     */
    default void prepareSnapshotPreBarrier(long checkpointId) throws Exception {}

    /**
     * The synchronous part of the checkpoint: captures the state as of now, while no record is in
     * flight inside the chain. The returned snapshot is written out asynchronously.
     */
    default OperatorSnapshot snapshotState(long checkpointId, long timestamp) throws Exception {
        return OperatorSnapshot.EMPTY;
    }

    /** Checkpoint {@code checkpointId} completed: every task acknowledged it and it is stored. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    /** Checkpoint {@code checkpointId} was aborted (timeout, a declined snapshot, a failure). */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {}

    void finish() throws Exception;

    void close() throws Exception;

    OperatorID getOperatorId();
}
