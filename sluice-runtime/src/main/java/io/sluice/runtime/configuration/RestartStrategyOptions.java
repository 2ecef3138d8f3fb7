package io.sluice.runtime.configuration;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;
import java.time.Duration;

/** How a JobMaster restarts a failed job (Flink's keys). Constants only. */
public final class RestartStrategyOptions {
    private RestartStrategyOptions() {}

    public static final ConfigOption<String> RESTART_STRATEGY = ConfigOptions.key("restart-strategy.type")
            .stringType()
            .defaultValue("none")
            .withDescription("What a job does when a task fails or a TaskManager is lost: 'none' (also 'off',"
                    + " 'disable') fails the job; 'fixed-delay' (also 'fixeddelay') restarts it from scratch after"
                    + " 'restart-strategy.fixed-delay.delay', at most 'restart-strategy.fixed-delay.attempts' times.");

    public static final ConfigOption<Integer> RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS = ConfigOptions.key(
                    "restart-strategy.fixed-delay.attempts")
            .intType()
            .defaultValue(1)
            .withDescription("How many times the 'fixed-delay' strategy restarts a job before the job fails.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_FIXED_DELAY_DELAY = ConfigOptions.key(
                    "restart-strategy.fixed-delay.delay")
            .durationType()
            .defaultValue(Duration.ofSeconds(1))
            .withDescription("How long the 'fixed-delay' strategy waits between a failure and the restart.");
}
