package io.sluice.api.eventtime;

import java.io.Serializable;

/** Event time has reached {@code timestamp}: no element with an older timestamp should follow. */
public final class Watermark implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The watermark that ends event time: every window and timer fires. */
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

    private final long timestamp;

    public Watermark(long timestamp) {
        this.timestamp = timestamp;
    }

    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Watermark w && w.timestamp == timestamp;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "Watermark @ " + timestamp;
    }
}
