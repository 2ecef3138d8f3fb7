package io.sluice.runtime.streamrecord;

import java.util.Objects;

/**
 * A record: a value and an optional event timestamp. Mutable and reused by the runtime: operators
 * set a new value with {@link #replace} instead of allocating.
 */
public final class StreamRecord<T> extends StreamElement {
    private T value;
    private long timestamp;
    private boolean hasTimestamp;

    public StreamRecord(T value) {
        this.value = value;
    }

    public StreamRecord(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public T getValue() {
        return value;
    }

    public long getTimestamp() {
        return hasTimestamp ? timestamp : Long.MIN_VALUE;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    /** Sets a new value, keeping the timestamp. */
    @SuppressWarnings("unchecked")
    public <X> StreamRecord<X> replace(X newValue) {
        this.value = (T) newValue;
        return (StreamRecord<X>) this;
    }

    /** Sets a new value and timestamp. */
    @SuppressWarnings("unchecked")
    public <X> StreamRecord<X> replace(X newValue, long newTimestamp) {
        this.value = (T) newValue;
        this.timestamp = newTimestamp;
        this.hasTimestamp = true;
        return (StreamRecord<X>) this;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public void eraseTimestamp() {
        this.hasTimestamp = false;
    }

    /** Copies the timestamp (or its absence) from another record. */
    public void copyTimestampFrom(StreamRecord<?> other) {
        this.timestamp = other.timestamp;
        this.hasTimestamp = other.hasTimestamp;
    }

    @Override
    public boolean isRecord() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamRecord<?> r
                && r.hasTimestamp == hasTimestamp
                && (!hasTimestamp || r.timestamp == timestamp)
                && Objects.equals(r.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value) * 31 + (hasTimestamp ? Long.hashCode(timestamp) : 0);
    }

    @Override
    public String toString() {
        return "Record @ " + (hasTimestamp ? String.valueOf(timestamp) : "(undef)") + " : " + value;
    }
}
