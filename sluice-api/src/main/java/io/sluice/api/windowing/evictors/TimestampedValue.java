package io.sluice.api.windowing.evictors;

import java.util.Objects;

/** A window element with its timestamp, as evictors see it. */
public final class TimestampedValue<T> {
    private final T value;
    private final long timestamp;
    private final boolean hasTimestamp;

    /** A value without a timestamp. */
    public TimestampedValue(T value) {
        this.value = value;
        this.timestamp = 0;
        this.hasTimestamp = false;
    }

    public TimestampedValue(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public static <T> TimestampedValue<T> of(T value) {
        return new TimestampedValue<>(value);
    }

    public T getValue() {
        return value;
    }

    /** The timestamp; meaningful only if {@link #hasTimestamp()}. */
    public long getTimestamp() {
        return timestamp;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimestampedValue<?> t
                && t.hasTimestamp == hasTimestamp
                && t.timestamp == timestamp
                && Objects.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, timestamp, hasTimestamp);
    }

    @Override
    public String toString() {
        return hasTimestamp ? "TimestampedValue(" + value + " @ " + timestamp + ")" : "TimestampedValue(" + value + ")";
    }
}
