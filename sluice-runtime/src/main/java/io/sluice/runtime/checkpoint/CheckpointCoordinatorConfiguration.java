package io.sluice.runtime.checkpoint;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.CheckpointingOptions;
import io.sluice.runtime.configuration.IllegalConfigurationException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * How a job checkpoints: what the CheckpointCoordinator is configured with and what
 * {@code GET /jobs/:jobid/checkpoints/config} shows. Durations in milliseconds.
 *
 * @param checkpointDirectory where checkpoints are written; null keeps them in the JobManager's memory
 */
public record CheckpointCoordinatorConfiguration(
        long checkpointInterval,
        long checkpointTimeout,
        long minPauseBetweenCheckpoints,
        int maxConcurrentCheckpoints,
        int tolerableCheckpointFailureNumber,
        CheckpointingMode mode,
        int numRetainedCheckpoints,
        ExternalizedCheckpointRetention externalizedRetention,
        String checkpointDirectory)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Flink's checkpointing modes. */
    public enum CheckpointingMode {
        EXACTLY_ONCE,
        AT_LEAST_ONCE
    }

    /** What happens to the retained checkpoints when the job ends (Flink's names). */
    public enum ExternalizedCheckpointRetention {
        NO_EXTERNALIZED_CHECKPOINTS,
        DELETE_ON_CANCELLATION,
        RETAIN_ON_CANCELLATION
    }

    public CheckpointCoordinatorConfiguration {
        if (checkpointInterval <= 0) {
            throw new IllegalArgumentException(
                    "The checkpoint interval must be greater than 0, was " + checkpointInterval);
        }
        if (checkpointTimeout <= 0) {
            throw new IllegalArgumentException(
                    "The checkpoint timeout must be greater than 0, was " + checkpointTimeout);
        }
        if (minPauseBetweenCheckpoints < 0) {
            throw new IllegalArgumentException(
                    "The minimum pause between checkpoints must be 0 or more, was " + minPauseBetweenCheckpoints);
        }
        if (maxConcurrentCheckpoints < 1) {
            throw new IllegalArgumentException(
                    "At least one concurrent checkpoint must be allowed, was " + maxConcurrentCheckpoints);
        }
        if (tolerableCheckpointFailureNumber < 0) {
            throw new IllegalArgumentException(
                    "The tolerable checkpoint failures must be 0 or more, was " + tolerableCheckpointFailureNumber);
        }
        if (numRetainedCheckpoints < 1) {
            throw new IllegalArgumentException(
                    "At least one checkpoint must be retained, was " + numRetainedCheckpoints);
        }
        if (mode == null || externalizedRetention == null) {
            throw new IllegalArgumentException("The checkpointing mode and retention must be set");
        }
    }

    /** Whether {@code jobConfiguration} turns checkpointing on ({@code execution.checkpointing.interval} > 0). */
    public static boolean isCheckpointingEnabled(Configuration jobConfiguration) {
        Duration interval = jobConfiguration.get(CheckpointingOptions.CHECKPOINTING_INTERVAL);
        return interval != null && !interval.isZero() && !interval.isNegative();
    }

    /**
     * The checkpointing a job's configuration asks for, or null when checkpointing is off. Throws
     * {@link IllegalConfigurationException} naming the key of a bad value.
     */
    public static CheckpointCoordinatorConfiguration fromConfiguration(Configuration jobConfiguration) {
        if (!isCheckpointingEnabled(jobConfiguration)) {
            return null;
        }
        String mode = jobConfiguration
                .get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE)
                .trim()
                .toUpperCase(Locale.ROOT);
        String retention = jobConfiguration
                .get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION)
                .trim()
                .toUpperCase(Locale.ROOT);
        CheckpointingMode parsedMode;
        ExternalizedCheckpointRetention parsedRetention;
        try {
            parsedMode = CheckpointingMode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalConfigurationException("'" + CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE.key()
                    + "' must be EXACTLY_ONCE or AT_LEAST_ONCE, was '" + mode + "'");
        }
        try {
            parsedRetention = ExternalizedCheckpointRetention.valueOf(retention);
        } catch (IllegalArgumentException e) {
            throw new IllegalConfigurationException("'"
                    + CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION.key()
                    + "' must be NO_EXTERNALIZED_CHECKPOINTS, DELETE_ON_CANCELLATION or RETAIN_ON_CANCELLATION, was '"
                    + retention + "'");
        }
        try {
            return new CheckpointCoordinatorConfiguration(
                    jobConfiguration
                            .get(CheckpointingOptions.CHECKPOINTING_INTERVAL)
                            .toMillis(),
                    jobConfiguration
                            .get(CheckpointingOptions.CHECKPOINTING_TIMEOUT)
                            .toMillis(),
                    jobConfiguration
                            .get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS)
                            .toMillis(),
                    jobConfiguration.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS),
                    jobConfiguration.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER),
                    parsedMode,
                    jobConfiguration.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS),
                    parsedRetention,
                    jobConfiguration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));
        } catch (IllegalArgumentException e) {
            throw new IllegalConfigurationException("Invalid checkpointing configuration: " + e.getMessage());
        }
    }

    /** Whether retained checkpoints outlive the job (externalized). */
    public boolean isExternalized() {
        return externalizedRetention != ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS;
    }
}
