package io.sluice.runtime.operators;

import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;

/** An operator with one input. */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {
    void processElement(StreamRecord<IN> record) throws Exception;

    void processWatermark(WatermarkElement watermark) throws Exception;
}
