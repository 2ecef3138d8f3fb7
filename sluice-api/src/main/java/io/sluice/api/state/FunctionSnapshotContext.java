package io.sluice.api.state;

/** What {@link CheckpointedFunction#snapshotState} is told about the checkpoint being taken. */
public interface FunctionSnapshotContext {
    /** The id of the checkpoint; ids grow with each checkpoint of a job. */
    long getCheckpointId();

    /** When the JobMaster triggered the checkpoint (epoch milliseconds). */
    long getCheckpointTimestamp();
}
