package io.sluice.api.windowing.evictors;

import io.sluice.api.windowing.windows.Window;
import java.util.Iterator;

/**
 * Keeps the last {@code maxCount} elements of a window (in insertion order) and drops the ones
 * before them: before the window function by default, after it with {@code doEvictAfter}.
 *
 * @param <W> the window type
 */
public class CountEvictor<W extends Window> extends BeforeOrAfterEvictor<W> {
    private static final long serialVersionUID = 1L;

    private final long maxCount;

    private CountEvictor(long maxCount, boolean doEvictAfter) {
        super(doEvictAfter);
        this.maxCount = maxCount;
    }

    /** Keeps at most {@code maxCount} elements, evicting before the window function. */
    public static <W extends Window> CountEvictor<W> of(long maxCount) {
        return new CountEvictor<>(maxCount, false);
    }

    /** Keeps at most {@code maxCount} elements, evicting after the window function if {@code doEvictAfter}. */
    public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
        return new CountEvictor<>(maxCount, doEvictAfter);
    }

    @Override
    void evict(Iterable<TimestampedValue<Object>> elements, int size) {
        if (size <= maxCount) {
            return;
        }
        long toEvict = size - maxCount;
        Iterator<TimestampedValue<Object>> iterator = elements.iterator();
        for (long evicted = 0; evicted < toEvict && iterator.hasNext(); evicted++) {
            iterator.next();
            iterator.remove();
        }
    }

    public long getMaxCount() {
        return maxCount;
    }

    @Override
    public String toString() {
        return "CountEvictor(" + maxCount + (doEvictAfter ? ", after" : "") + ")";
    }
}
