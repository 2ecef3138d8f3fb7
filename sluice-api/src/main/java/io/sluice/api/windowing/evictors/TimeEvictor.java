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
public class TimeEvictor<W extends Window> extends BeforeOrAfterEvictor<W> {
    private static final long serialVersionUID = 1L;

    private final long windowSize;

    private TimeEvictor(long windowSize, boolean doEvictAfter) {
        super(doEvictAfter);
        this.windowSize = windowSize;
    }

    /** Keeps the elements of the last {@code windowSize}, evicting before the window function. */
    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return new TimeEvictor<>(windowSize.toMillis(), false);
    }

    /** Keeps the elements of the last {@code windowSize}, evicting after the window function if {@code doEvictAfter}. */
    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
    }

    /** Drops what is older than {@code windowSize} before the newest timestamp (nothing if untimed). */
    @Override
    void evict(Iterable<TimestampedValue<Object>> elements, int size) {
        long newest = Long.MIN_VALUE;
        for (TimestampedValue<Object> element : elements) {
            if (!element.hasTimestamp()) {
                return; // the window's elements carry no timestamps: time means nothing here
            }
            newest = Math.max(newest, element.getTimestamp());
        }
        if (newest == Long.MIN_VALUE) {
            return;
        }
        long keepAfter = newest - windowSize;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
            if (it.next().getTimestamp() <= keepAfter) {
                it.remove();
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
