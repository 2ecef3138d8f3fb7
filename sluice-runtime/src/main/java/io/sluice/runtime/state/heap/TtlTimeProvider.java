package io.sluice.runtime.state.heap;

/** The clock state time-to-live is measured with; injected so tests can drive it step by step. */
@FunctionalInterface
public interface TtlTimeProvider {
    /** The system clock, in epoch milliseconds. */
    TtlTimeProvider SYSTEM = System::currentTimeMillis;

    /** The current time in milliseconds. */
    long currentTimestamp();
}
