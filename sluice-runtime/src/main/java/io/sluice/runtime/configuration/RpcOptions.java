package io.sluice.runtime.configuration;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;
import java.time.Duration;

/** Options of the RPC between cluster processes. Constants only. */
public final class RpcOptions {
    private RpcOptions() {}

    public static final ConfigOption<Duration> ASK_TIMEOUT = ConfigOptions.key("rpc.ask-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("How long a call between cluster processes waits for its answer before it fails.");

    public static final ConfigOption<Duration> REGISTRATION_TIMEOUT = ConfigOptions.key(
                    "taskmanager.registration.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("How long a starting TaskManager keeps trying to reach the JobManager before it"
                    + " gives up and exits.");
}
