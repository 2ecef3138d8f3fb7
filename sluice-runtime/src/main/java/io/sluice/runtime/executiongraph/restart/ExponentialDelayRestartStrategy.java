package io.sluice.runtime.executiongraph.restart;

import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Restarts with a delay that starts at {@code initialBackoff} and is multiplied by {@code
 * multiplier} after each failure, up to {@code maxBackoff}, each moved at random by up to {@code
 * jitterFactor} of itself ({@code restart-strategy.type: exponential-delay}). A failure at least
 * {@code resetThreshold} after the previous one starts over: initial backoff, attempt count 0. After
 * {@code maxAttempts} restarts without such a reset, the next failure fails the job.
 */
public final class ExponentialDelayRestartStrategy implements RestartStrategy {
    private final long initialBackoffMillis;
    private final long maxBackoffMillis;
    private final double multiplier;
    private final long resetThresholdMillis;
    private final double jitterFactor;
    private final int maxAttempts;
    private final Clock clock;
    private final RandomGenerator random;

    private long currentBackoffMillis;
    private long lastFailureMillis = Long.MIN_VALUE;
    private int attempts;

    public ExponentialDelayRestartStrategy(
            Duration initialBackoff,
            Duration maxBackoff,
            double multiplier,
            Duration resetThreshold,
            double jitterFactor,
            int maxAttempts,
            Clock clock,
            RandomGenerator random) {
        if (initialBackoff.isNegative()
                || maxBackoff.compareTo(initialBackoff) < 0
                || multiplier < 1
                || resetThreshold.isNegative()
                || jitterFactor < 0
                || jitterFactor > 1
                || maxAttempts < 1) {
            throw new IllegalArgumentException("Exponential delay needs 0 <= initial backoff <= max backoff,"
                    + " multiplier >= 1, a reset threshold of 0 or more, jitter between 0 and 1 and at least 1"
                    + " attempt; was " + initialBackoff + ", " + maxBackoff + ", " + multiplier + ", " + resetThreshold
                    + ", " + jitterFactor + ", " + maxAttempts);
        }
        this.initialBackoffMillis = initialBackoff.toMillis();
        this.maxBackoffMillis = maxBackoff.toMillis();
        this.multiplier = multiplier;
        this.resetThresholdMillis = resetThreshold.toMillis();
        this.jitterFactor = jitterFactor;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public void notifyFailure(Throwable cause) {
        long now = clock.millis();
        if (lastFailureMillis == Long.MIN_VALUE || now - lastFailureMillis >= resetThresholdMillis) {
            currentBackoffMillis = initialBackoffMillis;
            attempts = 0;
        } else {
            currentBackoffMillis = Math.min(maxBackoffMillis, (long) Math.ceil(currentBackoffMillis * multiplier));
        }
        lastFailureMillis = now;
        attempts++;
    }

    @Override
    public boolean canRestart() {
        return attempts <= maxAttempts;
    }

    /** The current backoff moved by up to the jitter factor, within [0, max backoff]. */
    @Override
    public Duration getBackoffTime() {
        long jitter = (long) (currentBackoffMillis * jitterFactor);
        long moved = jitter == 0 ? currentBackoffMillis : currentBackoffMillis + random.nextLong(-jitter, jitter + 1);
        return Duration.ofMillis(Math.max(0, Math.min(maxBackoffMillis, moved)));
    }

    @Override
    public String toString() {
        return "ExponentialDelayRestartStrategy(backoff=" + currentBackoffMillis + " ms, attempts=" + attempts + "/"
                + maxAttempts + ")";
    }
}
