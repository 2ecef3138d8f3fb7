package io.sluice.test.harness;

import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.functions.KeySelector;
import io.sluice.runtime.operators.TwoInputStreamOperator;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkStatus;
import java.util.List;

/**
 * Drives a {@link TwoInputStreamOperator} (connected streams) step by step on the calling thread;
 * see {@link AbstractStreamOperatorTestHarness} for the life cycle, time and output. The operator's
 * event-time clock is the minimum of the two inputs' watermarks, so it forwards a watermark only
 * once both inputs have one.
 */
public class TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> extends AbstractStreamOperatorTestHarness<OUT> {
    private final TwoInputStreamOperator<IN1, IN2, OUT> twoInputOperator;

    /** One subtask of parallelism 1 with one key group. */
    public TwoInputStreamOperatorTestHarness(TwoInputStreamOperator<IN1, IN2, OUT> operator) {
        this(operator, 1, 1, 0);
    }

    public TwoInputStreamOperatorTestHarness(
            TwoInputStreamOperator<IN1, IN2, OUT> operator, int maxParallelism, int parallelism, int subtaskIndex) {
        this(operator, List.of(), maxParallelism, parallelism, subtaskIndex);
    }

    /** The operator a task would create for {@code spec} (coMap, coFlatMap, coProcess). */
    public TwoInputStreamOperatorTestHarness(OperatorSpec spec) {
        this(AbstractStreamOperatorTestHarness.<TwoInputStreamOperator<IN1, IN2, OUT>>createOperator(
                spec, TwoInputStreamOperator.class));
    }

    TwoInputStreamOperatorTestHarness(
            TwoInputStreamOperator<IN1, IN2, OUT> operator,
            List<KeySelector<?, ?>> keySelectors,
            int maxParallelism,
            int parallelism,
            int subtaskIndex) {
        super(operator, keySelectors, maxParallelism, parallelism, subtaskIndex);
        this.twoInputOperator = operator;
    }

    public void processElement1(IN1 value, long timestamp) throws Exception {
        processElement1(new StreamRecord<>(value, timestamp));
    }

    public void processElement1(StreamRecord<IN1> record) throws Exception {
        checkOpen("processElement1()");
        setKeyContext(1, record);
        twoInputOperator.processElement1(record);
        runMailboxActions();
    }

    public void processElement2(IN2 value, long timestamp) throws Exception {
        processElement2(new StreamRecord<>(value, timestamp));
    }

    public void processElement2(StreamRecord<IN2> record) throws Exception {
        checkOpen("processElement2()");
        setKeyContext(2, record);
        twoInputOperator.processElement2(record);
        runMailboxActions();
    }

    public void processWatermark1(long timestamp) throws Exception {
        processWatermark1(new Watermark(timestamp));
    }

    public void processWatermark1(Watermark watermark) throws Exception {
        checkOpen("processWatermark1()");
        twoInputOperator.processWatermark1(watermarkElement(watermark));
        runMailboxActions();
    }

    public void processWatermark2(long timestamp) throws Exception {
        processWatermark2(new Watermark(timestamp));
    }

    public void processWatermark2(Watermark watermark) throws Exception {
        checkOpen("processWatermark2()");
        twoInputOperator.processWatermark2(watermarkElement(watermark));
        runMailboxActions();
    }

    /** Tells the operator input 1 turned idle or active: an idle input does not hold back its clock. */
    public void processWatermarkStatus1(WatermarkStatus status) throws Exception {
        checkOpen("processWatermarkStatus1()");
        twoInputOperator.processWatermarkStatus1(status);
        runMailboxActions();
    }

    public void processWatermarkStatus2(WatermarkStatus status) throws Exception {
        checkOpen("processWatermarkStatus2()");
        twoInputOperator.processWatermarkStatus2(status);
        runMailboxActions();
    }

    /** The same watermark on both inputs (input 1 first). */
    public void processBothWatermarks(Watermark watermark) throws Exception {
        processWatermark1(watermark);
        processWatermark2(watermark);
    }

    public TwoInputStreamOperator<IN1, IN2, OUT> getTwoInputOperator() {
        return twoInputOperator;
    }
}
