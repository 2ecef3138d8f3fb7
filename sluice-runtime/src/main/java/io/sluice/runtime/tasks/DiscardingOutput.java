package io.sluice.runtime.tasks;

import io.sluice.api.util.OutputTag;
import io.sluice.runtime.operators.Output;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;

/** The output of an operator nothing consumes (a sink, or a side output nobody selected). */
final class DiscardingOutput<T> implements Output<T> {
    @Override
    public void collect(StreamRecord<T> record) {}

    @Override
    public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {}

    @Override
    public void emitWatermark(WatermarkElement watermark) {}

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {}

    @Override
    public void close() {}
}
