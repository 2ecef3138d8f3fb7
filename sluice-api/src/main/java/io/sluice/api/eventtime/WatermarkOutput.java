package io.sluice.api.eventtime;

/** Where a {@link WatermarkGenerator} emits. */
public interface WatermarkOutput {
    void emitWatermark(Watermark watermark);

    void markIdle();

    void markActive();
}
