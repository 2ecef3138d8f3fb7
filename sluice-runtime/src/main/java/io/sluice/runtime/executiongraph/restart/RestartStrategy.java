package io.sluice.runtime.executiongraph.restart;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.IllegalConfigurationException;
import io.sluice.runtime.configuration.RestartStrategyOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Decides whether a failed job restarts, and when.
 *
 * <p>Call order, for every failure of the job: {@link #notifyFailure}, then {@link #canRestart};
 * if it says yes, restart after {@link #getBackoffTime}; if no, the job fails with that failure.
 * Owned by the JobMaster's main thread.
 */
public interface RestartStrategy {
    /** Records one failure of the job. */
    void notifyFailure(Throwable cause);

    /** Whether the job may restart after the failures recorded so far. */
    boolean canRestart();

    /** How long to wait between the failure and the restart. */
    Duration getBackoffTime();

    /**
     * The strategy of one job, as Flink 2.x picks it: the job's own configuration if it sets
     * {@code restart-strategy.type} (with the job's settings for that strategy), else the cluster's
     * if it sets the type, else {@code exponential-delay} with its defaults for a job that checkpoints
     * and {@code none} for one that does not.
     */
    static RestartStrategy forJob(
            Configuration jobConfiguration, Configuration clusterConfiguration, boolean checkpointingEnabled) {
        return fromConfiguration(effectiveConfiguration(jobConfiguration, clusterConfiguration, checkpointingEnabled));
    }

    /** The configuration {@link #forJob} builds the strategy from. */
    static Configuration effectiveConfiguration(
            Configuration jobConfiguration, Configuration clusterConfiguration, boolean checkpointingEnabled) {
        if (jobConfiguration.contains(RestartStrategyOptions.RESTART_STRATEGY)) {
            return jobConfiguration;
        }
        if (clusterConfiguration.contains(RestartStrategyOptions.RESTART_STRATEGY)) {
            return clusterConfiguration;
        }
        Configuration defaults = new Configuration();
        defaults.set(RestartStrategyOptions.RESTART_STRATEGY, checkpointingEnabled ? "exponential-delay" : "none");
        return defaults;
    }

    /**
     * The strategy {@code restart-strategy.type} names, with its settings; throws
     * {@link IllegalConfigurationException} naming the key for an unknown type or a bad setting.
     */
    static RestartStrategy fromConfiguration(Configuration config) {
        return fromConfiguration(config, Clock.systemUTC(), new SplittableRandom());
    }

    /** {@link #fromConfiguration(Configuration)} with the clock and randomness the strategies use. */
    static RestartStrategy fromConfiguration(Configuration config, Clock clock, RandomGenerator random) {
        String configured = config.get(RestartStrategyOptions.RESTART_STRATEGY);
        String type = configured == null ? "none" : configured.trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case "none", "off", "disable" -> {
                return new NoRestartStrategy();
            }
            case "fixed-delay", "fixeddelay" -> {
                int attempts = config.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS);
                Duration delay = config.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY);
                if (attempts < 0) {
                    throw new IllegalConfigurationException("'"
                            + RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS.key()
                            + "' must be 0 or more, was " + attempts);
                }
                if (delay.isNegative()) {
                    throw new IllegalConfigurationException("'"
                            + RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY.key()
                            + "' must be 0 or more, was " + delay);
                }
                return new FixedDelayRestartStrategy(attempts, delay);
            }
            case "failure-rate", "failurerate" -> {
                int max = config.get(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL);
                Duration interval =
                        config.get(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL);
                Duration delay = config.get(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_DELAY);
                require(
                        max >= 1,
                        RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL.key(),
                        "at least 1",
                        max);
                require(
                        !interval.isNegative() && !interval.isZero(),
                        RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL.key(),
                        "greater than 0",
                        interval);
                require(
                        !delay.isNegative(),
                        RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_DELAY.key(),
                        "0 or more",
                        delay);
                return new FailureRateRestartStrategy(max, interval, delay, clock);
            }
            case "exponential-delay", "exponentialdelay" -> {
                Duration initial =
                        config.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF);
                Duration max = config.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF);
                double multiplier =
                        config.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER);
                Duration reset =
                        config.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD);
                double jitter = config.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR);
                int attempts = config.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS);
                require(
                        !initial.isNegative(),
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF.key(),
                        "0 or more",
                        initial);
                require(
                        max.compareTo(initial) >= 0,
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF.key(),
                        "at least the initial backoff (" + initial + ")",
                        max);
                require(
                        multiplier >= 1,
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER.key(),
                        "at least 1",
                        multiplier);
                require(
                        !reset.isNegative(),
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD.key(),
                        "0 or more",
                        reset);
                require(
                        jitter >= 0 && jitter <= 1,
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR.key(),
                        "between 0 and 1",
                        jitter);
                require(
                        attempts >= 1,
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS.key(),
                        "at least 1",
                        attempts);
                return new ExponentialDelayRestartStrategy(
                        initial, max, multiplier, reset, jitter, attempts, clock, random);
            }
            default -> throw new IllegalConfigurationException("Unknown '"
                    + RestartStrategyOptions.RESTART_STRATEGY.key() + "': '" + type
                    + "'; expected 'none', 'fixed-delay', 'failure-rate' or 'exponential-delay'");
        }
    }

    private static void require(boolean holds, String key, String expected, Object actual) {
        if (!holds) {
            throw new IllegalConfigurationException("'" + key + "' must be " + expected + ", was " + actual);
        }
    }
}
