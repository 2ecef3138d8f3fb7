package io.sluice.api.windowing.evictors;

import io.sluice.api.windowing.windows.Window;

/** An evictor that runs its one rule either before the window function or after it. */
abstract class BeforeOrAfterEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;

    final boolean doEvictAfter;

    BeforeOrAfterEvictor(boolean doEvictAfter) {
        this.doEvictAfter = doEvictAfter;
    }

    /** Removes, through the iterator of {@code elements}, what the rule drops. */
    abstract void evict(Iterable<TimestampedValue<Object>> elements, int size);

    @Override
    public final void evictBefore(
            Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext evictorContext) {
        if (!doEvictAfter) {
            evict(elements, size);
        }
    }

    @Override
    public final void evictAfter(
            Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext evictorContext) {
        if (doEvictAfter) {
            evict(elements, size);
        }
    }
}
