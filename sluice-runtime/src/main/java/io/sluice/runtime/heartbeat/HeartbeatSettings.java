package io.sluice.runtime.heartbeat;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.HeartbeatManagerOptions;
import java.time.Duration;

/**
 * How often peers are asked for a heartbeat and how long one may stay silent before it is lost.
 *
 * @param interval {@code heartbeat.interval}
 * @param timeout {@code heartbeat.timeout}, larger than the interval
 */
public record HeartbeatSettings(Duration interval, Duration timeout) {
    public HeartbeatSettings {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("'" + HeartbeatManagerOptions.HEARTBEAT_INTERVAL.key()
                    + "' must be greater than 0, was " + interval);
        }
        if (timeout.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("'" + HeartbeatManagerOptions.HEARTBEAT_TIMEOUT.key() + "' (" + timeout
                    + ") must be larger than '" + HeartbeatManagerOptions.HEARTBEAT_INTERVAL.key() + "' (" + interval
                    + ")");
        }
    }

    /** Flink's defaults: every 10 s, lost after 50 s. */
    public static HeartbeatSettings defaults() {
        return new HeartbeatSettings(
                HeartbeatManagerOptions.HEARTBEAT_INTERVAL.defaultValue(),
                HeartbeatManagerOptions.HEARTBEAT_TIMEOUT.defaultValue());
    }

    public static HeartbeatSettings fromConfiguration(Configuration config) {
        return new HeartbeatSettings(
                config.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL),
                config.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT));
    }
}
