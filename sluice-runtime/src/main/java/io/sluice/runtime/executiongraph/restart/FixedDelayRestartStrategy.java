package io.sluice.runtime.executiongraph.restart;

import java.time.Duration;

/**
 * Restarts the job at most {@code maxAttempts} times, each {@code delay} after the failure; the
 * failure after the last allowed restart fails the job ({@code restart-strategy.type: fixed-delay}).
 * With 2 attempts: failures 1 and 2 restart, failure 3 fails the job.
 */
public final class FixedDelayRestartStrategy implements RestartStrategy {
    private final int maxAttempts;
    private final Duration delay;
    private int failures;

    public FixedDelayRestartStrategy(int maxAttempts, Duration delay) {
        if (maxAttempts < 0 || delay.isNegative()) {
            throw new IllegalArgumentException(
                    "Restart attempts and delay must be 0 or more, were " + maxAttempts + " and " + delay);
        }
        this.maxAttempts = maxAttempts;
        this.delay = delay;
    }

    @Override
    public void notifyFailure(Throwable cause) {
        failures++;
    }

    @Override
    public boolean canRestart() {
        return failures <= maxAttempts;
    }

    @Override
    public Duration getBackoffTime() {
        return delay;
    }

    @Override
    public String toString() {
        return "FixedDelayRestartStrategy(maxAttempts=" + maxAttempts + ", delay=" + delay + ", failures=" + failures
                + ")";
    }
}
