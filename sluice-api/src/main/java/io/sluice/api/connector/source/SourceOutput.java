package io.sluice.api.connector.source;

import io.sluice.api.eventtime.Watermark;

/** Where a reader emits records (with or without an event timestamp) and watermarks. */
public interface SourceOutput<T> {
    void collect(T record);

    void collect(T record, long timestamp);

    void emitWatermark(Watermark watermark);

    void markIdle();

    void markActive();
}
