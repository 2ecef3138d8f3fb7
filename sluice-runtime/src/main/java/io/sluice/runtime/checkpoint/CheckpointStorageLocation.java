package io.sluice.runtime.checkpoint;

import java.io.Serializable;

/**
 * Where the tasks write one checkpoint's state: the checkpoint's directory, or nowhere (the
 * JobManager keeps the checkpoint in memory, and all state travels inline).
 *
 * @param directory {@code <dir>/<jobId>/chk-N}, or null for in-memory checkpoints
 * @param inlineThreshold state streams up to this many bytes travel inline, not as files
 */
public record CheckpointStorageLocation(String directory, int inlineThreshold) implements Serializable {
    public static CheckpointStorageLocation inMemory() {
        return new CheckpointStorageLocation(null, Integer.MAX_VALUE);
    }

    public boolean isInMemory() {
        return directory == null;
    }
}
