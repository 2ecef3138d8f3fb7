package io.sluice.runtime.configuration;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;
import java.time.Duration;

/**
 * Checkpointing options of a job (Flink 2.x's keys and defaults), read from the job's own
 * configuration ({@code env.getConfiguration()}). Checkpointing is on when
 * {@code execution.checkpointing.interval} is set to more than 0. Constants only.
 */
public final class CheckpointingOptions {
    private CheckpointingOptions() {}

    public static final ConfigOption<Duration> CHECKPOINTING_INTERVAL = ConfigOptions.key(
                    "execution.checkpointing.interval")
            .durationType()
            .noDefaultValue()
            .withDescription("How often a checkpoint is triggered; unset (or 0) turns checkpointing off.");

    public static final ConfigOption<Duration> CHECKPOINTING_TIMEOUT = ConfigOptions.key(
                    "execution.checkpointing.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(10))
            .withDescription("How long a checkpoint may take before it is discarded.");

    public static final ConfigOption<Duration> MIN_PAUSE_BETWEEN_CHECKPOINTS = ConfigOptions.key(
                    "execution.checkpointing.min-pause")
            .durationType()
            .defaultValue(Duration.ZERO)
            .withDescription("The least time between the end of one checkpoint and the trigger of the next.");

    public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS = ConfigOptions.key(
                    "execution.checkpointing.max-concurrent-checkpoints")
            .intType()
            .defaultValue(1)
            .withDescription("How many checkpoints may be in progress at once.");

    public static final ConfigOption<Integer> TOLERABLE_FAILURE_NUMBER = ConfigOptions.key(
                    "execution.checkpointing.tolerable-failed-checkpoints")
            .intType()
            .defaultValue(0)
            .withDescription("How many consecutive checkpoint failures the job tolerates before it fails.");

    public static final ConfigOption<String> CHECKPOINTING_CONSISTENCY_MODE = ConfigOptions.key(
                    "execution.checkpointing.mode")
            .stringType()
            .defaultValue("EXACTLY_ONCE")
            .withDescription("EXACTLY_ONCE (barriers are aligned) or AT_LEAST_ONCE.");

    public static final ConfigOption<Integer> MAX_RETAINED_CHECKPOINTS = ConfigOptions.key(
                    "execution.checkpointing.num-retained")
            .intType()
            .defaultValue(1)
            .withDescription("How many completed checkpoints are kept.");

    public static final ConfigOption<String> EXTERNALIZED_CHECKPOINT_RETENTION = ConfigOptions.key(
                    "execution.checkpointing.externalized-checkpoint-retention")
            .stringType()
            .defaultValue("NO_EXTERNALIZED_CHECKPOINTS")
            .withDescription("What happens to the retained checkpoints when the job ends:"
                    + " NO_EXTERNALIZED_CHECKPOINTS, DELETE_ON_CANCELLATION or RETAIN_ON_CANCELLATION.");

    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY = ConfigOptions.key("execution.checkpointing.dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory the checkpoints are written to (chk-N/_metadata); unset keeps them in the"
                    + " JobManager's memory.");
}
