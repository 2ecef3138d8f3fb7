package io.sluice.runtime.checkpoint;

import io.sluice.api.common.CheckpointingMode;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * What a task needs to take part in checkpoints: the mode (aligned or not) and where checkpoint n
 * goes ({@code <jobDirectory>/chk-n}, or the JobManager's memory when {@code jobDirectory} is null).
 */
public record TaskCheckpointSettings(CheckpointingMode mode, String jobDirectory, int inlineThreshold)
        implements Serializable {
    public boolean isExactlyOnce() {
        return mode == CheckpointingMode.EXACTLY_ONCE;
    }

    public CheckpointStorageLocation locationOf(long checkpointId) {
        if (jobDirectory == null) {
            return CheckpointStorageLocation.inMemory();
        }
        return new CheckpointStorageLocation(
                Path.of(jobDirectory, "chk-" + checkpointId).toString(), inlineThreshold);
    }
}
