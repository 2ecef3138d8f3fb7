package io.sluice.test.harness;

import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.functions.KeySelector;
import io.sluice.runtime.operators.OneInputStreamOperator;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkStatus;
import java.util.Collection;
import java.util.List;

/**
 * Drives a {@link OneInputStreamOperator} step by step on the calling thread; see
 * {@link AbstractStreamOperatorTestHarness} for the life cycle, time and output.
 *
 * <pre>{@code
 * var harness = new OneInputStreamOperatorTestHarness<>(new StreamMap<>((Integer x) -> x * 2));
 * harness.open();
 * harness.processElement(3, 10L);
 * harness.processWatermark(10L);
 * assertThat(harness.getOutput()).containsExactly(new StreamRecord<>(6, 10L), new Watermark(10L));
 * }</pre>
 */
public class OneInputStreamOperatorTestHarness<IN, OUT> extends AbstractStreamOperatorTestHarness<OUT> {
    private final OneInputStreamOperator<IN, OUT> oneInputOperator;

    /** One subtask of parallelism 1 with one key group. */
    public OneInputStreamOperatorTestHarness(OneInputStreamOperator<IN, OUT> operator) {
        this(operator, 1, 1, 0);
    }

    public OneInputStreamOperatorTestHarness(
            OneInputStreamOperator<IN, OUT> operator, int maxParallelism, int parallelism, int subtaskIndex) {
        this(operator, List.of(), maxParallelism, parallelism, subtaskIndex);
    }

    /** The operator a task would create for {@code spec} (map, flatMap, filter, process...). */
    public OneInputStreamOperatorTestHarness(OperatorSpec spec) {
        this(AbstractStreamOperatorTestHarness.<OneInputStreamOperator<IN, OUT>>createOperator(
                spec, OneInputStreamOperator.class));
    }

    OneInputStreamOperatorTestHarness(
            OneInputStreamOperator<IN, OUT> operator,
            List<KeySelector<?, ?>> keySelectors,
            int maxParallelism,
            int parallelism,
            int subtaskIndex) {
        super(operator, keySelectors, maxParallelism, parallelism, subtaskIndex);
        this.oneInputOperator = operator;
    }

    /** Processes {@code value} with event timestamp {@code timestamp}. */
    public void processElement(IN value, long timestamp) throws Exception {
        processElement(new StreamRecord<>(value, timestamp));
    }

    /** Processes a record (use {@code new StreamRecord<>(value)} for one without a timestamp). */
    public void processElement(StreamRecord<IN> record) throws Exception {
        checkOpen("processElement()");
        setKeyContext(1, record);
        oneInputOperator.processElement(record);
        runMailboxActions();
    }

    public void processElements(Collection<StreamRecord<IN>> records) throws Exception {
        for (StreamRecord<IN> record : records) {
            processElement(record);
        }
    }

    public void processWatermark(long timestamp) throws Exception {
        processWatermark(new Watermark(timestamp));
    }

    /** Gives the operator a watermark; it fires its due event-time timers, then forwards it. */
    public void processWatermark(Watermark watermark) throws Exception {
        checkOpen("processWatermark()");
        oneInputOperator.processWatermark(watermarkElement(watermark));
        runMailboxActions();
    }

    /** Tells the operator its input turned idle or active; by default it forwards the status. */
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        checkOpen("processWatermarkStatus()");
        oneInputOperator.processWatermarkStatus(status);
        runMailboxActions();
    }

    public OneInputStreamOperator<IN, OUT> getOneInputOperator() {
        return oneInputOperator;
    }
}
