package io.sluice.runtime.configuration;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;

/** Options of the JobManager's blob server, which serves job jars to TaskManagers. Constants only. */
public final class BlobServerOptions {
    private BlobServerOptions() {}

    public static final ConfigOption<Integer> PORT = ConfigOptions.key("blob.server.port")
            .intType()
            .defaultValue(0)
            .withDescription("Port of the blob server; 0 picks a free port.");
}
