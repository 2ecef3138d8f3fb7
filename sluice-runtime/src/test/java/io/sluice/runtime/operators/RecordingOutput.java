package io.sluice.runtime.operators;

import io.sluice.api.util.OutputTag;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * An output that writes down, as short strings, everything an operator emits: {@code "r:v@ts"}
 * (or {@code "r:v"} without timestamp), {@code "w:ts"}, {@code "IDLE"}, {@code "ACTIVE"}.
 */
public final class RecordingOutput<T> implements Output<T> {
    public final List<String> events = new ArrayList<>();

    @Override
    public void collect(StreamRecord<T> record) {
        events.add("r:" + record.getValue() + (record.hasTimestamp() ? "@" + record.getTimestamp() : ""));
    }

    @Override
    public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {}

    @Override
    public void emitWatermark(WatermarkElement watermark) {
        events.add("w:" + watermark.getTimestamp());
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        events.add(status.isIdle() ? "IDLE" : "ACTIVE");
    }

    @Override
    public void close() {}

    /** Returns what was recorded since the last call and forgets it. */
    public List<String> take() {
        List<String> out = List.copyOf(events);
        events.clear();
        return out;
    }
}
