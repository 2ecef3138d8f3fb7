package io.sluice.api.windowing.assigners;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.windowing.triggers.EventTimeTrigger;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Puts each element into the one event-time window {@code [start, start + size)} that holds its
 * timestamp, where windows start at {@code offset} plus multiples of {@code size} (aligned to the
 * epoch). For example {@code of(Duration.ofHours(1), Duration.ofMinutes(15))} gives windows
 * {@code [0:15, 1:15)}, {@code [1:15, 2:15)}, ... The default trigger fires when the watermark
 * passes the end of the window.
 */
public class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long globalOffset;
    private final WindowStagger windowStagger;
    /** Chosen on the first element of this (per-subtask) instance. */
    private Long staggerOffset;

    protected TumblingEventTimeWindows(long size, long offset, WindowStagger windowStagger) {
        if (Math.abs(offset) >= size) {
            throw new IllegalArgumentException("TumblingEventTimeWindows parameters must satisfy abs(offset) < size");
        }
        this.size = size;
        this.globalOffset = offset;
        this.windowStagger = windowStagger;
    }

    /** Windows of length {@code size}, aligned to the epoch. */
    public static TumblingEventTimeWindows of(Duration size) {
        return new TumblingEventTimeWindows(size.toMillis(), 0, WindowStagger.ALIGNED);
    }

    /**
     * Windows of length {@code size} that start at {@code offset} past multiples of the size (use
     * e.g. {@code Duration.ofHours(-8)} for daily windows in UTC+8).
     *
     * @throws IllegalArgumentException unless {@code abs(offset) < size}
     */
    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        return new TumblingEventTimeWindows(size.toMillis(), offset.toMillis(), WindowStagger.ALIGNED);
    }

    /** As {@link #of(Duration, Duration)}, with each subtask's windows shifted by {@code windowStagger}. */
    public static TumblingEventTimeWindows of(Duration size, Duration offset, WindowStagger windowStagger) {
        return new TumblingEventTimeWindows(size.toMillis(), offset.toMillis(), windowStagger);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        if (timestamp == Long.MIN_VALUE) {
            throw new RuntimeException(WindowAssigners.NO_TIMESTAMP_MESSAGE);
        }
        if (staggerOffset == null) {
            staggerOffset = windowStagger.getStaggerOffset(context.getCurrentProcessingTime(), size);
        }
        long start = TimeWindow.getWindowStartWithOffset(timestamp, (globalOffset + staggerOffset) % size, size);
        return List.of(new TimeWindow(start, start + size));
    }

    public long getSize() {
        return size;
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
        return "TumblingEventTimeWindows(" + size + ")";
    }
}
