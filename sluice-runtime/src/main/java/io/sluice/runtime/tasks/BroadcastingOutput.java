package io.sluice.runtime.tasks;

import io.sluice.api.util.OutputTag;
import io.sluice.runtime.operators.Output;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;

/**
 * Emits to several outputs. Every output but the last gets a shallow copy of the record (its own
 * reused record object), because a chained operator may replace the value of the record it
 * receives.
 */
final class BroadcastingOutput<T> implements Output<T> {
    private final Output<T>[] outputs;
    private final StreamRecord<Object>[] shadows;

    @SuppressWarnings("unchecked")
    BroadcastingOutput(Output<T>[] outputs) {
        this.outputs = outputs;
        this.shadows = new StreamRecord[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            shadows[i] = new StreamRecord<>(null);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void collect(StreamRecord<T> record) {
        int last = outputs.length - 1;
        for (int i = 0; i < last; i++) {
            StreamRecord<Object> shadow = shadows[i];
            shadow.replace(record.getValue());
            shadow.copyTimestampFrom(record);
            outputs[i].collect((StreamRecord<T>) (StreamRecord<?>) shadow);
        }
        outputs[last].collect(record);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
        int last = outputs.length - 1;
        for (int i = 0; i < last; i++) {
            StreamRecord<Object> shadow = shadows[i];
            shadow.replace(record.getValue());
            shadow.copyTimestampFrom(record);
            outputs[i].collect(tag, (StreamRecord<X>) (StreamRecord<?>) shadow);
        }
        outputs[last].collect(tag, record);
    }

    @Override
    public void emitWatermark(WatermarkElement watermark) {
        for (Output<T> o : outputs) {
            o.emitWatermark(watermark);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        for (Output<T> o : outputs) {
            o.emitWatermarkStatus(status);
        }
    }

    @Override
    public void close() {
        for (Output<T> o : outputs) {
            o.close();
        }
    }
}
