package io.sluice.runtime.configuration;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;

/** Options of the jar upload and web front end (Flink's keys). Constants only. */
public final class WebOptions {
    private WebOptions() {}

    public static final ConfigOption<String> UPLOAD_DIR = ConfigOptions.key("web.upload.dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory where uploaded jars are stored; unset means a new directory under"
                    + " the system's temporary directory.");

    public static final ConfigOption<Integer> CHECKPOINTS_HISTORY_SIZE = ConfigOptions.key("web.checkpoints.history")
            .intType()
            .defaultValue(10)
            .withDescription("How many recent checkpoints of each job the REST API's checkpoint statistics show.");
}
