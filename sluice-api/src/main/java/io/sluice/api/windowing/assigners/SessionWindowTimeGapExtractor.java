package io.sluice.api.windowing.assigners;

import java.io.Serializable;

/**
 * Gives the session gap, in milliseconds, for an element of a dynamic session window
 * ({@link EventTimeSessionWindows#withDynamicGap}); it must be positive.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {
    /** The gap (milliseconds, greater than zero) after {@code element} that closes its session. */
    long extract(T element);
}
