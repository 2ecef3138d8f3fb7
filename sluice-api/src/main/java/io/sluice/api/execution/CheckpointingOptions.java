package io.sluice.api.execution;

import io.sluice.api.common.CheckpointingMode;
import io.sluice.api.common.ExternalizedCheckpointRetention;
import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;
import io.sluice.api.configuration.MemorySize;
import java.time.Duration;

/**
 * Checkpoint options (Flink 2.x names). Set in {@code sluice.yaml} they apply to every job; a job
 * sets its own through {@code env.enableCheckpointing(...)} and {@code env.getCheckpointConfig()}.
 */
public final class CheckpointingOptions {
    private CheckpointingOptions() {}

    public static final ConfigOption<Duration> CHECKPOINTING_INTERVAL = ConfigOptions.key(
                    "execution.checkpointing.interval")
            .durationType()
            .noDefaultValue()
            .withDescription("How often checkpoints are triggered; unset (the default) disables checkpointing.");

    public static final ConfigOption<String> CHECKPOINTING_CONSISTENCY_MODE = ConfigOptions.key(
                    "execution.checkpointing.mode")
            .stringType()
            .defaultValue(CheckpointingMode.EXACTLY_ONCE.name())
            .withDescription("EXACTLY_ONCE (aligned barriers) or AT_LEAST_ONCE (barriers are not waited for).");

    public static final ConfigOption<Duration> CHECKPOINTING_TIMEOUT = ConfigOptions.key(
                    "execution.checkpointing.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(10))
            .withDescription("A checkpoint not complete after this long is aborted.");

    public static final ConfigOption<Duration> MIN_PAUSE_BETWEEN_CHECKPOINTS = ConfigOptions.key(
                    "execution.checkpointing.min-pause")
            .durationType()
            .defaultValue(Duration.ZERO)
            .withDescription("The least time between the end of one checkpoint and the start of the next.");

    public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS = ConfigOptions.key(
                    "execution.checkpointing.max-concurrent-checkpoints")
            .intType()
            .defaultValue(1)
            .withDescription("How many checkpoints may be in progress at once.");

    public static final ConfigOption<Integer> TOLERABLE_FAILURE_NUMBER = ConfigOptions.key(
                    "execution.checkpointing.tolerable-failed-checkpoints")
            .intType()
            .defaultValue(0)
            .withDescription("How many checkpoints in a row may fail (decline or time out) before the job fails"
                    + " and restarts.");

    public static final ConfigOption<Integer> MAX_RETAINED_CHECKPOINTS = ConfigOptions.key(
                    "execution.checkpointing.num-retained")
            .intType()
            .defaultValue(1)
            .withDescription("How many completed checkpoints are kept; older ones are deleted.");

    public static final ConfigOption<String> EXTERNALIZED_CHECKPOINT_RETENTION = ConfigOptions.key(
                    "execution.checkpointing.externalized-checkpoint-retention")
            .stringType()
            .defaultValue(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS.name())
            .withDescription("What happens to the retained checkpoints when the job ends: RETAIN_ON_CANCELLATION,"
                    + " DELETE_ON_CANCELLATION or NO_EXTERNALIZED_CHECKPOINTS (deleted whenever the job ends).");

    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY = ConfigOptions.key("execution.checkpointing.dir")
            .stringType()
            .noDefaultValue()
            .withDescription("The directory for checkpoints, reachable by every process of the cluster:"
                    + " <dir>/<job id>/chk-<n>/. Unset: checkpoints are kept in the JobManager's memory and lost"
                    + " with it.");

    public static final ConfigOption<MemorySize> FS_SMALL_FILE_THRESHOLD = ConfigOptions.key(
                    "execution.checkpointing.data-inline-threshold")
            .memoryType()
            .defaultValue(MemorySize.parse("20kb"))
            .withDescription("State of one operator subtask up to this size is stored inside _metadata instead of"
                    + " a file of its own.");
}
