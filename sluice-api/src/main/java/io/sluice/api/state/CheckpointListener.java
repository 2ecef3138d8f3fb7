package io.sluice.api.state;

/** Told, on the task thread, when a checkpoint it took part in completed or was aborted. */
public interface CheckpointListener {
    void notifyCheckpointComplete(long checkpointId) throws Exception;

    default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
