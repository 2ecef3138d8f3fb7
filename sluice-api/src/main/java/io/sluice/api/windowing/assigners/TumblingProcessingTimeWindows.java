package io.sluice.api.windowing.assigners;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.windowing.triggers.ProcessingTimeTrigger;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Puts each element into the one processing-time window {@code [start, start + size)} that holds
 * the subtask's current processing time when the element arrives; windows start at {@code offset}
 * plus multiples of {@code size}. The default trigger fires when processing time passes the end of
 * the window.
 */
public class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final long size;
    private final long globalOffset;
    private final WindowStagger windowStagger;
    /** Chosen on the first element of this (per-subtask) instance. */
    private Long staggerOffset;

    protected TumblingProcessingTimeWindows(long size, long offset, WindowStagger windowStagger) {
        if (Math.abs(offset) >= size) {
            throw new IllegalArgumentException(
                    "TumblingProcessingTimeWindows parameters must satisfy abs(offset) < size");
        }
        this.size = size;
        this.globalOffset = offset;
        this.windowStagger = windowStagger;
    }

    /** Windows of length {@code size}, aligned to the epoch. */
    public static TumblingProcessingTimeWindows of(Duration size) {
        return new TumblingProcessingTimeWindows(size.toMillis(), 0, WindowStagger.ALIGNED);
    }

    /**
     * Windows of length {@code size} that start at {@code offset} past multiples of the size.
     *
     * @throws IllegalArgumentException unless {@code abs(offset) < size}
     */
    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        return new TumblingProcessingTimeWindows(size.toMillis(), offset.toMillis(), WindowStagger.ALIGNED);
    }

    /** As {@link #of(Duration, Duration)}, with each subtask's windows shifted by {@code windowStagger}. */
    public static TumblingProcessingTimeWindows of(Duration size, Duration offset, WindowStagger windowStagger) {
        return new TumblingProcessingTimeWindows(size.toMillis(), offset.toMillis(), windowStagger);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        if (staggerOffset == null) {
            staggerOffset = windowStagger.getStaggerOffset(now, size);
        }
        long start = TimeWindow.getWindowStartWithOffset(now, (globalOffset + staggerOffset) % size, size);
        return List.of(new TimeWindow(start, start + size));
    }

    public long getSize() {
        return size;
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return ProcessingTimeTrigger.create();
    }

    @Override
    public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
        return TimeWindow.Serializer.INSTANCE;
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "TumblingProcessingTimeWindows(" + size + ")";
    }
}
