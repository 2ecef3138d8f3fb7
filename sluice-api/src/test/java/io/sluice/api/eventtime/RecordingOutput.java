package io.sluice.api.eventtime;

import java.util.ArrayList;
import java.util.List;

/** A {@link WatermarkOutput} that records every call as a string: "12" for a watermark, "idle", "active". */
final class RecordingOutput implements WatermarkOutput {
    final List<String> calls = new ArrayList<>();

    @Override
    public void emitWatermark(Watermark watermark) {
        calls.add(Long.toString(watermark.getTimestamp()));
    }

    @Override
    public void markIdle() {
        calls.add("idle");
    }

    @Override
    public void markActive() {
        calls.add("active");
    }
}
