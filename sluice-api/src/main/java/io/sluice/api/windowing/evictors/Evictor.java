package io.sluice.api.windowing.evictors;

import io.sluice.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Drops elements from a window before and/or after its function runs, by removing them through
 * the iterator of {@code elements}. With an evictor the window operator keeps every element (no
 * incremental aggregation), in insertion order.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public interface Evictor<T, W extends Window> extends Serializable {
    /** Called before the window function; {@code size} is the number of elements. */
    void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** Called after the window function. */
    void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** What an evictor may ask the operator. */
    interface EvictorContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();
    }
}
