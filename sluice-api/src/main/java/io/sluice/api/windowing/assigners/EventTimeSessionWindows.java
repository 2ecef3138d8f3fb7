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
 * Session windows in event time: each element opens the window {@code [timestamp, timestamp + gap)}
 * and windows of a key that overlap or touch merge, so a session ends once no element arrives for
 * {@code gap}. An out-of-order element can bridge, and so merge, two sessions.
 */
public class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    protected final long sessionTimeout;

    protected EventTimeSessionWindows(long sessionTimeout) {
        if (sessionTimeout <= 0) {
            throw new IllegalArgumentException("EventTimeSessionWindows parameters must satisfy 0 < size");
        }
        this.sessionTimeout = sessionTimeout;
    }

    /**
     * Sessions that end after {@code size} without elements.
     *
     * @throws IllegalArgumentException unless the gap is positive
     */
    public static EventTimeSessionWindows withGap(Duration size) {
        return new EventTimeSessionWindows(size.toMillis());
    }

    /** Sessions whose gap after each element is given by {@code sessionWindowTimeGapExtractor}. */
    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(
            SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        return new DynamicEventTimeSessionWindows<>(sessionWindowTimeGapExtractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return List.of(new TimeWindow(timestamp, timestamp + sessionTimeout));
    }

    /** Merges the windows that overlap or touch ({@link TimeWindow#mergeWindows}). */
    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback::merge);
    }

    public long getSessionTimeout() {
        return sessionTimeout;
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
        return "EventTimeSessionWindows(" + sessionTimeout + ")";
    }
}
