package io.sluice.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.functions.co.CoMapFunction;
import io.sluice.runtime.graph.StreamNode;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;
import org.junit.jupiter.api.Test;

class TwoInputWatermarkStatusTest {
    private final OperatorHarness harness = new OperatorHarness();

    @SuppressWarnings("unchecked")
    private TwoInputStreamOperator<Long, Long, Long> open() throws Exception {
        CoMapFunction<Long, Long, Long> f = new CoMapFunction<>() {
            @Override
            public Long map1(Long value) {
                return value;
            }

            @Override
            public Long map2(Long value) {
                return value;
            }
        };
        TwoInputStreamOperator<Long, Long, Long> op =
                (TwoInputStreamOperator<Long, Long, Long>) OperatorFactory.create(new OperatorSpec.CoMapSpec(f));
        harness.setup(op, StreamNode.Kind.OPERATOR, null, null, null);
        op.open();
        return op;
    }

    @Test
    void whenBothInputsAreActive_thenTheClockIsTheirMinimum() throws Exception {
        TwoInputStreamOperator<Long, Long, Long> op = open();
        op.processWatermark1(new WatermarkElement(10));
        assertThat(harness.output.take()).isEmpty();
        op.processWatermark2(new WatermarkElement(4));
        op.processWatermark2(new WatermarkElement(12));
        op.processWatermark1(new WatermarkElement(20));
        assertThat(harness.output.take()).containsExactly("w:4", "w:10", "w:12");
    }

    @Test
    void whenOneInputIsIdle_thenItIsIgnoredAndWhenBothAreTheOutputTurnsIdle() throws Exception {
        TwoInputStreamOperator<Long, Long, Long> op = open();
        op.processWatermark1(new WatermarkElement(10));
        op.processWatermarkStatus2(WatermarkStatus.IDLE);
        assertThat(harness.output.take()).containsExactly("w:10");
        op.processWatermark1(new WatermarkElement(15));
        assertThat(harness.output.take()).containsExactly("w:15");
        op.processWatermarkStatus1(WatermarkStatus.IDLE);
        assertThat(harness.output.take()).containsExactly("IDLE");
        op.processWatermarkStatus2(WatermarkStatus.ACTIVE); // input 2 is back at MIN: no watermark
        assertThat(harness.output.take()).containsExactly("ACTIVE");
        op.processWatermark2(new WatermarkElement(12)); // below the clock: no watermark
        op.processWatermark2(new WatermarkElement(30));
        assertThat(harness.output.take()).containsExactly("w:30");
        op.processWatermark1(new WatermarkElement(20)); // a watermark makes input 1 active again
        op.processWatermark2(new WatermarkElement(40));
        op.processWatermark1(new WatermarkElement(50));
        assertThat(harness.output.take()).containsExactly("w:40");
    }
}
