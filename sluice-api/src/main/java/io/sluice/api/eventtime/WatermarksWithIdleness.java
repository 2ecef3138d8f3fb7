package io.sluice.api.eventtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Wraps a {@link WatermarkGenerator} and marks the output idle when no event has arrived for a
 * timeout, so an empty source split or partition does not hold back event time downstream.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>{@link #onEvent} forwards to the wrapped generator and counts the event; it does not read
 *       the clock (a clock read per record would cost more than the record).
 *   <li>{@link #onPeriodicEmit} reads the clock. If events arrived since the previous call, the
 *       input is active as of now. If the input has been without events for at least the timeout
 *       (now minus the last time it was seen active, or minus construction time), it calls {@link
 *       WatermarkOutput#markIdle()} and does <em>not</em> ask the wrapped generator to emit.
 *       Otherwise it lets the wrapped generator emit. Idleness is therefore detected at the first
 *       periodic emit at or after the timeout: with a periodic interval {@code p} a quiet input
 *       goes idle between {@code timeout} and {@code timeout + p} after its last event.
 *   <li>Becoming active again is implicit: this class never calls {@link
 *       WatermarkOutput#markActive()}. The next event makes the next periodic emit go to the wrapped
 *       generator, and a {@link WatermarkOutput} must treat any {@link
 *       WatermarkOutput#emitWatermark} as "active again". A wrapped generator that emits nothing
 *       after the event (a punctuated one waiting for its marker) leaves the output idle until it
 *       does emit.
 * </ul>
 *
 * <p>Task thread only, like every generator.
 *
 * @param <T> the type of the events
 */
public final class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
    private final WatermarkGenerator<T> watermarks;
    private final RelativeClock clock;
    private final long idleTimeoutMillis;

    /** Events seen so far; compared with {@link #eventsAtLastCheck} to notice activity. */
    private long events;

    private long eventsAtLastCheck;
    private long lastActiveMillis;

    /** Idleness measured with the system's monotonic clock. */
    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout) {
        this(watermarks, idleTimeout, RelativeClock.system());
    }

    /**
     * @param watermarks the generator to wrap
     * @param idleTimeout how long without events makes the input idle; positive
     * @param clock the clock to measure that with (tests pass a clock they advance by hand)
     */
    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout, RelativeClock clock) {
        this.watermarks = Objects.requireNonNull(
                watermarks, "WatermarksWithIdleness: the watermark generator to wrap must not be null");
        this.clock = Objects.requireNonNull(clock, "WatermarksWithIdleness: the clock must not be null");
        this.idleTimeoutMillis = checkTimeout(idleTimeout);
        this.lastActiveMillis = clock.relativeTimeMillis();
    }

    static long checkTimeout(Duration idleTimeout) {
        Objects.requireNonNull(idleTimeout, "withIdleness: the idle timeout must not be null");
        if (idleTimeout.isNegative() || idleTimeout.toMillis() == 0) {
            throw new IllegalArgumentException("withIdleness: the idle timeout is "
                    + idleTimeout
                    + "; it must be at least 1 ms (leave out withIdleness to never mark the input idle)");
        }
        return idleTimeout.toMillis();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        events++;
        watermarks.onEvent(event, eventTimestamp, output);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.relativeTimeMillis();
        if (events != eventsAtLastCheck) {
            eventsAtLastCheck = events;
            lastActiveMillis = now;
        }
        if (now - lastActiveMillis >= idleTimeoutMillis) {
            output.markIdle();
        } else {
            watermarks.onPeriodicEmit(output);
        }
    }
}
