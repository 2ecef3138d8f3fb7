package io.sluice.runtime.configuration;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;

/** Options of the JobManager's RPC endpoint (Flink's keys). Constants only. */
public final class JobManagerOptions {
    private JobManagerOptions() {}

    public static final ConfigOption<String> ADDRESS = ConfigOptions.key("jobmanager.rpc.address")
            .stringType()
            .defaultValue("127.0.0.1")
            .withDescription("Address of the JobManager's RPC endpoint; TaskManagers register there.");

    public static final ConfigOption<Integer> PORT = ConfigOptions.key("jobmanager.rpc.port")
            .intType()
            .defaultValue(6123)
            .withDescription("Port of the JobManager's RPC endpoint.");
}
