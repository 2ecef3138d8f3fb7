package io.sluice.runtime.streamrecord;

import io.sluice.api.eventtime.Watermark;

/** A watermark in the stream. */
public final class WatermarkElement extends StreamElement {
    private final Watermark watermark;

    public WatermarkElement(Watermark watermark) {
        this.watermark = watermark;
    }

    public WatermarkElement(long timestamp) {
        this(new Watermark(timestamp));
    }

    public Watermark getWatermark() {
        return watermark;
    }

    public long getTimestamp() {
        return watermark.getTimestamp();
    }

    @Override
    public boolean isWatermark() {
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatermarkElement w && w.watermark.equals(watermark);
    }

    @Override
    public int hashCode() {
        return watermark.hashCode();
    }

    @Override
    public String toString() {
        return watermark.toString();
    }
}
