package io.sluice.runtime.operators;

import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;

/** An operator with one input. */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {
    void processElement(StreamRecord<IN> record) throws Exception;

    void processWatermark(WatermarkElement watermark) throws Exception;

    /** The input turned idle or active (see {@link WatermarkStatus}). */
    void processWatermarkStatus(WatermarkStatus status) throws Exception;
}
