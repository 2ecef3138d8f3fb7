package io.sluice.runtime.configuration;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;
import java.time.Duration;

/** How a JobMaster restarts a failed job (Flink's keys). Constants only. */
public final class RestartStrategyOptions {
    private RestartStrategyOptions() {}

    public static final ConfigOption<String> RESTART_STRATEGY = ConfigOptions.key("restart-strategy.type")
            .stringType()
            .noDefaultValue()
            .withDescription(
                    "What a job does when a task fails or a TaskManager is lost; unset: 'exponential-delay' for a"
                            + " job that checkpoints, 'none' otherwise. 'none' (also 'off',"
                            + " 'disable') fails the job; 'fixed-delay' (also 'fixeddelay') restarts it from scratch after"
                            + " 'restart-strategy.fixed-delay.delay', at most 'restart-strategy.fixed-delay.attempts' times;"
                            + " 'failure-rate' (also 'failurerate') restarts while the failures in the last interval do not"
                            + " exceed the maximum; 'exponential-delay' (also 'exponentialdelay') restarts with a growing delay.");

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

    public static final ConfigOption<Integer> RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL =
            ConfigOptions.key("restart-strategy.failure-rate.max-failures-per-interval")
                    .intType()
                    .defaultValue(1)
                    .withDescription("The most failures within 'restart-strategy.failure-rate.failure-rate-interval'"
                            + " the 'failure-rate' strategy restarts after; one more fails the job.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL = ConfigOptions.key(
                    "restart-strategy.failure-rate.failure-rate-interval")
            .durationType()
            .defaultValue(Duration.ofMinutes(1))
            .withDescription("The interval over which the 'failure-rate' strategy counts failures.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_FAILURE_RATE_DELAY = ConfigOptions.key(
                    "restart-strategy.failure-rate.delay")
            .durationType()
            .defaultValue(Duration.ofSeconds(1))
            .withDescription("How long the 'failure-rate' strategy waits between a failure and the restart.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF = ConfigOptions.key(
                    "restart-strategy.exponential-delay.initial-backoff")
            .durationType()
            .defaultValue(Duration.ofSeconds(1))
            .withDescription("The 'exponential-delay' strategy's delay before the first restart.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF = ConfigOptions.key(
                    "restart-strategy.exponential-delay.max-backoff")
            .durationType()
            .defaultValue(Duration.ofMinutes(1))
            .withDescription("The longest delay of the 'exponential-delay' strategy.");

    public static final ConfigOption<Double> RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER = ConfigOptions.key(
                    "restart-strategy.exponential-delay.backoff-multiplier")
            .doubleType()
            .defaultValue(1.5)
            .withDescription("What each failure multiplies the 'exponential-delay' strategy's delay by.");

    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD =
            ConfigOptions.key("restart-strategy.exponential-delay.reset-backoff-threshold")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription("A failure this long after the previous one starts again from the initial"
                            + " backoff and a fresh attempt count.");

    public static final ConfigOption<Double> RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR = ConfigOptions.key(
                    "restart-strategy.exponential-delay.jitter-factor")
            .doubleType()
            .defaultValue(0.1)
            .withDescription("Each delay is moved by a random amount of up to this fraction of it, up or down, so"
                    + " jobs that failed together do not restart together; 0 to 1.");

    public static final ConfigOption<Integer> RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS = ConfigOptions.key(
                    "restart-strategy.exponential-delay.attempts-before-reset-backoff")
            .intType()
            .defaultValue(Integer.MAX_VALUE)
            .withDescription("How many restarts the 'exponential-delay' strategy makes before the backoff resets;"
                    + " one more failure fails the job.");
}
