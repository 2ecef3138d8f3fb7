package io.sluice.api.eventtime;

/**
 * A clock for measuring intervals (not wall-clock time): only differences between two readings
 * mean anything. {@link WatermarksWithIdleness} uses it to tell how long an input has been quiet;
 * tests inject a clock they advance by hand.
 */
@FunctionalInterface
public interface RelativeClock {
    /** Milliseconds since an arbitrary fixed origin; never decreases. */
    long relativeTimeMillis();

    /** The system's monotonic clock: {@code System.nanoTime() / 1_000_000}. */
    static RelativeClock system() {
        return SystemClock.INSTANCE;
    }

    /** The monotonic system clock; an enum so it stays a singleton across serialization. */
    enum SystemClock implements RelativeClock {
        INSTANCE;

        @Override
        public long relativeTimeMillis() {
            return System.nanoTime() / 1_000_000;
        }
    }
}
