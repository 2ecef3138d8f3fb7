package io.sluice.api.eventtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Watermarks for events that arrive at most a fixed time late: the watermark trails the largest
 * timestamp seen so far by the out-of-orderness bound plus 1 ms, so an event exactly {@code
 * maxOutOfOrderness} older than the newest one is still on time.
 *
 * <p>Periodic only: {@link #onEvent} just tracks the maximum; {@link #onPeriodicEmit} emits {@code
 * max - maxOutOfOrderness - 1}. Before the first event it emits {@link Long#MIN_VALUE} (the
 * maximum starts at {@code Long.MIN_VALUE + maxOutOfOrderness + 1}). Events without a timestamp
 * ({@link TimestampAssigner#NO_TIMESTAMP}) do not move it. Task thread only.
 *
 * @param <T> the type of the events
 */
public class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
    private final long outOfOrdernessMillis;
    private long maxTimestamp;

    /**
     * @param maxOutOfOrderness how much older than the newest event an event may be and still be
     *     on time; zero or positive
     */
    public BoundedOutOfOrdernessWatermarks(Duration maxOutOfOrderness) {
        this.outOfOrdernessMillis = checkBound(maxOutOfOrderness);
        this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
    }

    /** The bound in milliseconds; throws with a message naming the problem if it is null or negative. */
    static long checkBound(Duration maxOutOfOrderness) {
        Objects.requireNonNull(maxOutOfOrderness, "forBoundedOutOfOrderness: maxOutOfOrderness must not be null");
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("forBoundedOutOfOrderness: maxOutOfOrderness is "
                    + maxOutOfOrderness
                    + "; it must be zero or positive (use Duration.ZERO for ascending timestamps)");
        }
        return maxOutOfOrderness.toMillis();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        if (eventTimestamp > maxTimestamp) {
            maxTimestamp = eventTimestamp;
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMillis - 1));
    }
}
