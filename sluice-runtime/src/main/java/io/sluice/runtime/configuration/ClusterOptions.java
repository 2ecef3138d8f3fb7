package io.sluice.runtime.configuration;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;
import java.time.Duration;

/** Options of the JobManager side and of the embedded MiniCluster. Constants only. */
public final class ClusterOptions {
    private ClusterOptions() {}

    public static final ConfigOption<Integer> LOCAL_NUMBER_TASK_MANAGER = ConfigOptions.key("local.number-taskmanager")
            .intType()
            .defaultValue(1)
            .withDescription("Number of TaskManagers an embedded MiniCluster starts.");

    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT = ConfigOptions.key("slot.request.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("How long a JobMaster waits for all the slots its job needs before it fails the job"
                    + " with a message naming the slots needed and available.");

    public static final ConfigOption<Boolean> LOCAL_REST_ENABLED = ConfigOptions.key("local.rest.enabled")
            .booleanType()
            .defaultValue(false)
            .withDescription("Whether an embedded MiniCluster starts the REST endpoint (on rest.bind-address or"
                    + " rest.address, and rest.port). Off by default, so local programs and tests open no port.");
}
