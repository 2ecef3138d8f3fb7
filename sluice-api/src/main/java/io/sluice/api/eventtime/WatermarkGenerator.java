package io.sluice.api.eventtime;

/** Generates watermarks from the events seen ({@link #onEvent}) and periodically ({@link #onPeriodicEmit}). */
public interface WatermarkGenerator<T> {
    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    void onPeriodicEmit(WatermarkOutput output);
}
