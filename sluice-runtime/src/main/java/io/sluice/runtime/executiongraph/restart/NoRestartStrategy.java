package io.sluice.runtime.executiongraph.restart;

import java.time.Duration;

/** Never restarts: the first failure fails the job ({@code restart-strategy.type: none}). */
public final class NoRestartStrategy implements RestartStrategy {
    @Override
    public void notifyFailure(Throwable cause) {}

    @Override
    public boolean canRestart() {
        return false;
    }

    @Override
    public Duration getBackoffTime() {
        return Duration.ZERO;
    }

    @Override
    public String toString() {
        return "NoRestartStrategy";
    }
}
