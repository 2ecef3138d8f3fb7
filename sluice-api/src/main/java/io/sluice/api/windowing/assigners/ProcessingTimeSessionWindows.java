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
 * Session windows in processing time: each element opens the window {@code [now, now + gap)} at
 * the subtask's current processing time, and windows of a key that overlap or touch merge.
 */
public class ProcessingTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    protected final long sessionTimeout;

    protected ProcessingTimeSessionWindows(long sessionTimeout) {
        if (sessionTimeout <= 0) {
            throw new IllegalArgumentException("ProcessingTimeSessionWindows parameters must satisfy 0 < size");
        }
        this.sessionTimeout = sessionTimeout;
    }

    /**
     * Sessions that end after {@code size} without elements.
     *
     * @throws IllegalArgumentException unless the gap is positive
     */
    public static ProcessingTimeSessionWindows withGap(Duration size) {
        return new ProcessingTimeSessionWindows(size.toMillis());
    }

    /** Sessions whose gap after each element is given by {@code sessionWindowTimeGapExtractor}. */
    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(
            SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        return new DynamicProcessingTimeSessionWindows<>(sessionWindowTimeGapExtractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        return List.of(new TimeWindow(now, now + sessionTimeout));
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
        return "ProcessingTimeSessionWindows(" + sessionTimeout + ")";
    }
}
