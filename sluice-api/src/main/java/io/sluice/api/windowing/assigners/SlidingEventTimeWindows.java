package io.sluice.api.windowing.assigners;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.windowing.triggers.EventTimeTrigger;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/**
 * Puts each element into every event-time window of length {@code size} that holds its timestamp,
 * where a window starts every {@code slide} (at {@code offset} plus multiples of the slide). With
 * {@code size} a multiple of {@code slide} an element lands in {@code size / slide} windows; the
 * windows are listed latest start first. The default trigger fires when the watermark passes the
 * end of a window.
 */
public class SlidingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    /** The most windows one element may belong to ({@code size / slide}). */
    public static final int MAX_WINDOW_NUM = 10_000_000;

    private final long size;
    private final long slide;
    private final long offset;

    protected SlidingEventTimeWindows(long size, long slide, long offset) {
        if (Math.abs(offset) >= slide || size <= 0) {
            throw new IllegalArgumentException(
                    "SlidingEventTimeWindows parameters must satisfy abs(offset) < slide and size > 0");
        }
        if (size / slide > MAX_WINDOW_NUM) {
            throw new IllegalArgumentException(
                    "SlidingEventTimeWindows parameters must satisfy size / slide <= " + MAX_WINDOW_NUM);
        }
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    /** Windows of length {@code size}, one starting every {@code slide}, aligned to the epoch. */
    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return new SlidingEventTimeWindows(size.toMillis(), slide.toMillis(), 0);
    }

    /**
     * Windows of length {@code size}, one starting every {@code slide}, shifted by {@code offset}.
     *
     * @throws IllegalArgumentException unless {@code abs(offset) < slide} and {@code size > 0}
     */
    public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingEventTimeWindows(size.toMillis(), slide.toMillis(), offset.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        if (timestamp == Long.MIN_VALUE) {
            throw new RuntimeException(WindowAssigners.NO_TIMESTAMP_MESSAGE);
        }
        return WindowAssigners.slidingWindows(timestamp, size, slide, offset);
    }

    public long getSize() {
        return size;
    }

    public long getSlide() {
        return slide;
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return TimeWindow.Serializer.INSTANCE;
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "SlidingEventTimeWindows(" + size + ", " + slide + ")";
    }
}
