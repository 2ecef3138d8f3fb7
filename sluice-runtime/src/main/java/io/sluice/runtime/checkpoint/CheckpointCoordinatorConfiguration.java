package io.sluice.runtime.checkpoint;

import io.sluice.api.common.CheckpointingMode;
import io.sluice.api.common.ExternalizedCheckpointRetention;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.environment.CheckpointConfig;
import io.sluice.api.execution.CheckpointingOptions;
import java.io.Serializable;
import java.time.Duration;

/**
 * A job's checkpoint settings, as the JobMaster's checkpoint coordinator uses them.
 *
 * @param directory the checkpoint base directory ({@code <dir>/<jobId>/chk-N}), or null to keep
 *     checkpoints in the JobManager's memory
 */
public record CheckpointCoordinatorConfiguration(
        long interval,
        CheckpointingMode mode,
        long timeout,
        long minPause,
        int maxConcurrent,
        int tolerableFailures,
        int numRetained,
        ExternalizedCheckpointRetention retention,
        String directory,
        int inlineThreshold)
        implements Serializable {

    /** The settings of {@code configuration} (cluster options overlaid with the job's), or null when checkpointing is off. */
    public static CheckpointCoordinatorConfiguration fromConfiguration(Configuration configuration) {
        Duration interval = configuration.get(CheckpointingOptions.CHECKPOINTING_INTERVAL);
        if (interval == null || interval.toMillis() <= 0) {
            return null;
        }
        int numRetained = configuration.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS);
        if (numRetained < 1) {
            throw new IllegalArgumentException("Invalid value " + numRetained + " for '"
                    + CheckpointingOptions.MAX_RETAINED_CHECKPOINTS.key() + "': at least 1 checkpoint is retained");
        }
        int maxConcurrent = configuration.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS);
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("Invalid value " + maxConcurrent + " for '"
                    + CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS.key() + "': must be at least 1");
        }
        long threshold =
                configuration.get(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD).bytes();
        String dir = configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        return new CheckpointCoordinatorConfiguration(
                interval.toMillis(),
                CheckpointConfig.parseEnum(
                        CheckpointingMode.class,
                        CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE.key(),
                        configuration.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE)),
                configuration.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT).toMillis(),
                configuration
                        .get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS)
                        .toMillis(),
                maxConcurrent,
                configuration.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER),
                numRetained,
                CheckpointConfig.parseEnum(
                        ExternalizedCheckpointRetention.class,
                        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION.key(),
                        configuration.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION)),
                dir == null || dir.isBlank() ? null : stripScheme(dir),
                (int) Math.min(Integer.MAX_VALUE, threshold));
    }

    /** Accepts {@code file:///x} as well as {@code /x}. */
    private static String stripScheme(String dir) {
        if (dir.startsWith("file://")) {
            return dir.substring("file://".length());
        }
        if (dir.startsWith("file:")) {
            return dir.substring("file:".length());
        }
        return dir;
    }

    public boolean isExactlyOnce() {
        return mode == CheckpointingMode.EXACTLY_ONCE;
    }
}
