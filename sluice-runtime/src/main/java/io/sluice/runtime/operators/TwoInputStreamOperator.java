package io.sluice.runtime.operators;

import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;

/** An operator with two inputs (connected streams). Calls for the two inputs never overlap. */
public interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator<OUT> {
    void processElement1(StreamRecord<IN1> record) throws Exception;

    void processElement2(StreamRecord<IN2> record) throws Exception;

    void processWatermark1(WatermarkElement watermark) throws Exception;

    void processWatermark2(WatermarkElement watermark) throws Exception;

    /** Input 1 turned idle or active: an idle input does not hold back the combined clock. */
    void processWatermarkStatus1(WatermarkStatus status) throws Exception;

    void processWatermarkStatus2(WatermarkStatus status) throws Exception;
}
