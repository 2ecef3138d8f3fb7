package io.sluice.runtime.configuration;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;

/**
 * Where a job starts from (Flink 2.x's keys), read from the job's configuration when its JobGraph is
 * built: {@code bin/sluice run -s} and {@code POST /jars/:jarid/run}'s {@code savepointPath} set
 * them, and so may a program on its own environment. Constants only.
 */
public final class StateRecoveryOptions {
    private StateRecoveryOptions() {}

    public static final ConfigOption<String> SAVEPOINT_PATH = ConfigOptions.key("execution.state-recovery.path")
            .stringType()
            .noDefaultValue()
            .withDescription("The retained checkpoint or savepoint (its directory or _metadata file) the job"
                    + " starts from; unset starts it empty.");

    public static final ConfigOption<Boolean> SAVEPOINT_IGNORE_UNCLAIMED_STATE = ConfigOptions.key(
                    "execution.state-recovery.ignore-unclaimed-state")
            .booleanType()
            .defaultValue(false)
            .withDescription("Whether state in the checkpoint that belongs to no operator of the job is skipped"
                    + " (true) or fails the restore (false).");
}
