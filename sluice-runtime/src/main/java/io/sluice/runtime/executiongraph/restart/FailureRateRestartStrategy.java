package io.sluice.runtime.executiongraph.restart;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Restarts while the job failed at most {@code maxFailuresPerInterval} times within the last
 * {@code interval}, each time {@code delay} after the failure; the failure that makes it one more
 * fails the job ({@code restart-strategy.type: failure-rate}). With 2 per minute: failures at
 * 0 s and 30 s restart, one at 50 s fails the job, one at 70 s instead would restart (the one at 0 s
 * has left the window).
 */
public final class FailureRateRestartStrategy implements RestartStrategy {
    private final int maxFailuresPerInterval;
    private final Duration interval;
    private final Duration delay;
    private final Clock clock;
    /** Failure times (epoch ms) within the window, oldest first; at most one more than the maximum. */
    private final ArrayDeque<Long> failures = new ArrayDeque<>();

    public FailureRateRestartStrategy(int maxFailuresPerInterval, Duration interval, Duration delay, Clock clock) {
        if (maxFailuresPerInterval < 1 || interval.isNegative() || interval.isZero() || delay.isNegative()) {
            throw new IllegalArgumentException("Failure rate needs at least 1 failure per positive interval and a"
                    + " delay of 0 or more, was " + maxFailuresPerInterval + " per " + interval + ", delay " + delay);
        }
        this.maxFailuresPerInterval = maxFailuresPerInterval;
        this.interval = interval;
        this.delay = delay;
        this.clock = clock;
    }

    @Override
    public void notifyFailure(Throwable cause) {
        long now = clock.millis();
        failures.addLast(now);
        while (failures.size() > maxFailuresPerInterval + 1 || now - failures.peekFirst() >= interval.toMillis()) {
            failures.removeFirst();
        }
    }

    @Override
    public boolean canRestart() {
        return failures.size() <= maxFailuresPerInterval;
    }

    @Override
    public Duration getBackoffTime() {
        return delay;
    }

    @Override
    public String toString() {
        return "FailureRateRestartStrategy(maxFailuresPerInterval=" + maxFailuresPerInterval + ", interval=" + interval
                + ", delay=" + delay + ", failuresInWindow=" + failures.size() + ")";
    }
}
