package io.sluice.api.eventtime;

/** Extracts an element's event timestamp (milliseconds). */
@FunctionalInterface
public interface TimestampAssigner<T> {
    /** Means "the element has no timestamp". */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    long extractTimestamp(T element, long recordTimestamp);
}
