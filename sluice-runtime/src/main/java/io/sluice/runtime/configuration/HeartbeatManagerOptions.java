package io.sluice.runtime.configuration;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;
import java.time.Duration;

/** Heartbeats between ResourceManager, JobMasters and TaskManagers (Flink's keys). Constants only. */
public final class HeartbeatManagerOptions {
    private HeartbeatManagerOptions() {}

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL = ConfigOptions.key("heartbeat.interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("How often a component sends a heartbeat to the components it watches.");

    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT = ConfigOptions.key("heartbeat.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(50))
            .withDescription("How long without a heartbeat before the peer is considered lost;"
                    + " must be larger than 'heartbeat.interval'.");
}
