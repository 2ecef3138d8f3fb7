package io.sluice.api.environment;

import io.sluice.api.common.CheckpointingMode;
import io.sluice.api.common.ExternalizedCheckpointRetention;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.execution.CheckpointingOptions;
import java.time.Duration;

/**
 * A job's checkpoint settings: a typed view of the {@code execution.checkpointing.*} options in
 * the environment's configuration, so settings from {@code sluice.yaml}, from a
 * {@link Configuration} and from these setters end up in one place and travel with the job.
 */
public final class CheckpointConfig {
    private final Configuration configuration;

    CheckpointConfig(Configuration configuration) {
        this.configuration = configuration;
    }

    public boolean isCheckpointingEnabled() {
        return getCheckpointInterval() > 0;
    }

    /** The interval in milliseconds; -1 when checkpointing is disabled. */
    public long getCheckpointInterval() {
        Duration d = configuration.get(CheckpointingOptions.CHECKPOINTING_INTERVAL);
        return d == null ? -1 : d.toMillis();
    }

    public void setCheckpointInterval(long checkpointInterval) {
        if (checkpointInterval < 10) {
            throw new IllegalArgumentException(
                    "Checkpoint interval must be at least 10 ms, got " + checkpointInterval + " ms");
        }
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(checkpointInterval));
    }

    public CheckpointingMode getCheckpointingConsistencyMode() {
        return parseEnum(
                CheckpointingMode.class,
                CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE.key(),
                configuration.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE));
    }

    public void setCheckpointingConsistencyMode(CheckpointingMode mode) {
        configuration.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, mode.name());
    }

    public long getCheckpointTimeout() {
        return configuration.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT).toMillis();
    }

    public void setCheckpointTimeout(long checkpointTimeout) {
        if (checkpointTimeout < 1) {
            throw new IllegalArgumentException("Checkpoint timeout must be positive, got " + checkpointTimeout);
        }
        configuration.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofMillis(checkpointTimeout));
    }

    public long getMinPauseBetweenCheckpoints() {
        return configuration
                .get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS)
                .toMillis();
    }

    public void setMinPauseBetweenCheckpoints(long minPauseBetweenCheckpoints) {
        if (minPauseBetweenCheckpoints < 0) {
            throw new IllegalArgumentException("Minimum pause must be >= 0, got " + minPauseBetweenCheckpoints);
        }
        configuration.set(
                CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofMillis(minPauseBetweenCheckpoints));
    }

    public int getMaxConcurrentCheckpoints() {
        return configuration.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS);
    }

    public void setMaxConcurrentCheckpoints(int maxConcurrentCheckpoints) {
        if (maxConcurrentCheckpoints < 1) {
            throw new IllegalArgumentException(
                    "Maximum concurrent checkpoints must be >= 1, got " + maxConcurrentCheckpoints);
        }
        configuration.set(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, maxConcurrentCheckpoints);
    }

    public int getTolerableCheckpointFailureNumber() {
        return configuration.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER);
    }

    public void setTolerableCheckpointFailureNumber(int tolerableCheckpointFailureNumber) {
        if (tolerableCheckpointFailureNumber < 0) {
            throw new IllegalArgumentException(
                    "Tolerable checkpoint failures must be >= 0, got " + tolerableCheckpointFailureNumber);
        }
        configuration.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, tolerableCheckpointFailureNumber);
    }

    public ExternalizedCheckpointRetention getExternalizedCheckpointRetention() {
        return parseEnum(
                ExternalizedCheckpointRetention.class,
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION.key(),
                configuration.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION));
    }

    public void setExternalizedCheckpointRetention(ExternalizedCheckpointRetention retention) {
        configuration.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, retention.name());
    }

    /** Sets {@code execution.checkpointing.dir} for this job. */
    public void setCheckpointStorage(String checkpointDirectory) {
        configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDirectory);
    }

    /** The checkpoint directory, or null when checkpoints stay in the JobManager's memory. */
    public String getCheckpointStorage() {
        return configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
    }

    /** Parses an enum option, naming the key and the allowed values when the value is wrong. */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, String key, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("Invalid value '" + value + "' for '" + key + "': expected one of "
                + java.util.Arrays.toString(type.getEnumConstants()));
    }
}
