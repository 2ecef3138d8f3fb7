package io.sluice.runtime.streamrecord;

/**
 * What travels on a stream between operators: records and, in band, watermarks and watermark
 * statuses. Instances on the hot path are reused; never keep a
 * reference to one past the call that received it.
 */
public abstract class StreamElement {
    public boolean isRecord() {
        return false;
    }

    public boolean isWatermark() {
        return false;
    }

    public boolean isWatermarkStatus() {
        return false;
    }

    @SuppressWarnings("unchecked")
    public final <E> StreamRecord<E> asRecord() {
        return (StreamRecord<E>) this;
    }

    public final WatermarkElement asWatermark() {
        return (WatermarkElement) this;
    }

    public final WatermarkStatus asWatermarkStatus() {
        return (WatermarkStatus) this;
    }
}
