package io.sluice.api.windowing.evictors;

import io.sluice.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Iterator;

/**
 * Keeps the elements whose timestamp is within {@code windowSize} of the window's newest element:
 * drops every element with {@code timestamp <= max(timestamp) - windowSize}. Before the window
 * function by default, after it with {@code doEvictAfter}. Elements without timestamps are kept.
 *
 * @param <W> the window type
 */
public class TimeEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long windowSize;
    private final boolean doEvictAfter;

    private TimeEvictor(long windowSize, boolean doEvictAfter) {
        this.windowSize = windowSize;
        this.doEvictAfter = doEvictAfter;
    }

    /** Keeps the elements of the last {@code windowSize}, evicting before the window function. */
    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return new TimeEvictor<>(windowSize.toMillis(), false);
    }

    /** Keeps the elements of the last {@code windowSize}, evicting after the window function if {@code doEvictAfter}. */
    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
    }

    @Override
    public void evictBefore(
            Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext evictorContext) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(
            Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext evictorContext) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements) {
        Iterator<TimestampedValue<Object>> first = elements.iterator();
        if (!first.hasNext() || !first.next().hasTimestamp()) {
            return;
        }
        long maxTimestamp = Long.MIN_VALUE;
        for (TimestampedValue<Object> element : elements) {
            maxTimestamp = Math.max(maxTimestamp, element.getTimestamp());
        }
        long evictCutoff = maxTimestamp - windowSize;
        for (Iterator<TimestampedValue<Object>> iterator = elements.iterator(); iterator.hasNext(); ) {
            if (iterator.next().getTimestamp() <= evictCutoff) {
                iterator.remove();
            }
        }
    }

    public long getWindowSize() {
        return windowSize;
    }

    @Override
    public String toString() {
        return "TimeEvictor(" + windowSize + (doEvictAfter ? ", after" : "") + ")";
    }
}
