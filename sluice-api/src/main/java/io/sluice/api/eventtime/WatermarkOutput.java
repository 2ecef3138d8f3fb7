package io.sluice.api.eventtime;

/**
 * Where a {@link WatermarkGenerator} emits: watermarks and idleness. Task thread only.
 *
 * <p>The runtime forwards only watermarks higher than every one forwarded before, so emitting the
 * same or a lower watermark again is harmless.
 */
public interface WatermarkOutput {
    /** Emits a watermark; it also ends idleness marked before (the output is active again). */
    void emitWatermark(Watermark watermark);

    /**
     * Marks this output idle: downstream operators stop waiting for its watermarks until it emits
     * a watermark or is marked active again.
     */
    void markIdle();

    /** Marks this output active again, without emitting a watermark. */
    void markActive();
}
