package io.sluice.api.windowing.assigners;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.windowing.triggers.ProcessingTimeTrigger;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.TimeWindow;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Session windows in processing time whose gap depends on the element: each element opens
 * {@code [now, now + extractor.extract(element))} at the subtask's current processing time, and windows of a key that overlap
 * or touch merge.
 *
 * @param <T> the element type
 */
public class DynamicProcessingTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {
    private static final long serialVersionUID = 1L;

    protected final SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor;

    protected DynamicProcessingTimeSessionWindows(SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        this.sessionWindowTimeGapExtractor =
                Objects.requireNonNull(sessionWindowTimeGapExtractor, "sessionWindowTimeGapExtractor must not be null");
    }

    /** Sessions whose gap after each element is given by {@code sessionWindowTimeGapExtractor}. */
    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(
            SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        return new DynamicProcessingTimeSessionWindows<>(sessionWindowTimeGapExtractor);
    }

    /** @throws IllegalArgumentException if the extracted gap is not positive */
    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        long sessionTimeout = sessionWindowTimeGapExtractor.extract(element);
        if (sessionTimeout <= 0) {
            throw new IllegalArgumentException("Dynamic session time gap must satisfy 0 < gap");
        }
        long now = context.getCurrentProcessingTime();
        return List.of(new TimeWindow(now, now + sessionTimeout));
    }

    /** Merges the windows that overlap or touch ({@link TimeWindow#mergeWindows}). */
    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback::merge);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        return (Trigger) ProcessingTimeTrigger.create();
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
        return "DynamicProcessingTimeSessionWindows()";
    }
}
