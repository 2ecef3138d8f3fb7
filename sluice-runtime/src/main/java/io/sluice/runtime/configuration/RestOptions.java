package io.sluice.runtime.configuration;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;
import io.sluice.api.configuration.MemorySize;

/** Options of the Dispatcher's REST endpoint (Flink's keys). Constants only. */
public final class RestOptions {
    private RestOptions() {}

    public static final ConfigOption<String> ADDRESS = ConfigOptions.key("rest.address")
            .stringType()
            .defaultValue("127.0.0.1")
            .withDescription("Address clients use to reach the REST endpoint of the JobManager.");

    public static final ConfigOption<String> BIND_ADDRESS = ConfigOptions.key("rest.bind-address")
            .stringType()
            .noDefaultValue()
            .withDescription("Address the REST server binds to; unset means the value of 'rest.address'."
                    + " Use 0.0.0.0 to listen on every interface.");

    public static final ConfigOption<Integer> PORT = ConfigOptions.key("rest.port")
            .intType()
            .defaultValue(8081)
            .withDescription("Port of the REST endpoint; 0 picks a free port.");

    public static final ConfigOption<MemorySize> SERVER_MAX_CONTENT_LENGTH = ConfigOptions.key(
                    "rest.server.max-content-length")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(100))
            .withDescription("Largest request body the REST server accepts, jar uploads included;"
                    + " larger requests are refused with 413.");
}
