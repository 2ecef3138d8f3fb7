package io.sluice.runtime.executiongraph.restart;

import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.configuration.IllegalConfigurationException;
import io.sluice.runtime.configuration.RestartStrategyOptions;
import java.time.Duration;
import java.util.Locale;

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
     * The strategy {@code restart-strategy.type} names, with its settings; throws
     * {@link IllegalConfigurationException} naming the key for an unknown type or a bad setting.
     */
    static RestartStrategy fromConfiguration(Configuration config) {
        String type = config.get(RestartStrategyOptions.RESTART_STRATEGY).trim().toLowerCase(Locale.ROOT);
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
            default -> throw new IllegalConfigurationException("Unknown '"
                    + RestartStrategyOptions.RESTART_STRATEGY.key() + "': '" + type
                    + "'; expected 'none' or 'fixed-delay' (the other strategies of Flink are not built yet)");
        }
    }
}
