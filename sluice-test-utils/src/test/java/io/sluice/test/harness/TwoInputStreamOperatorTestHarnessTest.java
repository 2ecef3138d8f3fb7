package io.sluice.test.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.dag.OperatorSpec.CoMapSpec;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.functions.co.CoMapFunction;
import io.sluice.api.functions.co.CoProcessFunction;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkStatus;
import org.junit.jupiter.api.Test;

class TwoInputStreamOperatorTestHarnessTest {

    @Test
    void whenBothInputsSendWatermarks_thenTheOperatorForwardsTheMinimumOnlyWhenItAdvances() throws Exception {
        TwoInputStreamOperatorTestHarness<Integer, String, String> harness =
                new TwoInputStreamOperatorTestHarness<>(new CoMapSpec(new CoMapFunction<Integer, String, String>() {
                    @Override
                    public String map1(Integer value) {
                        return "int " + value;
                    }

                    @Override
                    public String map2(String value) {
                        return "str " + value;
                    }
                }));
        harness.open();

        harness.processElement1(1, 5L);
        harness.processWatermark1(10L); // input 2 has none yet: nothing forwarded
        harness.processElement2("a", 6L);
        harness.processWatermark2(7L); // min(10, 7) = 7
        harness.processWatermark2(15L); // min(10, 15) = 10
        harness.processWatermark2(20L); // still 10: nothing new
        harness.processBothWatermarks(new Watermark(30L)); // 20 after input 1, then 30

        assertThat(harness.getOutput())
                .containsExactly(
                        new StreamRecord<>("int 1", 5L),
                        new StreamRecord<>("str a", 6L),
                        new Watermark(7L),
                        new Watermark(10L),
                        new Watermark(20L),
                        new Watermark(30L));
        harness.close();
    }

    @Test
    void whenOneInputIsIdle_thenTheOtherAloneDrivesTheClockAndBothIdleMakeTheOutputIdle() throws Exception {
        TwoInputStreamOperatorTestHarness<Integer, String, String> harness =
                new TwoInputStreamOperatorTestHarness<>(new CoMapSpec(new CoMapFunction<Integer, String, String>() {
                    @Override
                    public String map1(Integer value) {
                        return "int " + value;
                    }

                    @Override
                    public String map2(String value) {
                        return "str " + value;
                    }
                }));
        harness.open();

        harness.processWatermark1(10L); // input 2 has none yet: nothing forwarded
        harness.processWatermarkStatus2(WatermarkStatus.IDLE); // input 1 alone: 10
        harness.processWatermark1(12L);
        harness.processWatermarkStatus1(WatermarkStatus.IDLE); // both idle: the output turns idle
        harness.processWatermarkStatus2(WatermarkStatus.ACTIVE);
        harness.processWatermark2(20L);

        assertThat(harness.getOutput())
                .containsExactly(
                        new Watermark(10L),
                        new Watermark(12L),
                        WatermarkStatus.IDLE,
                        WatermarkStatus.ACTIVE,
                        new Watermark(20L));
        harness.close();
    }

    @Test
    void whenCoProcessFunctionUsesSideOutput_thenMainAndSideOutputsAreSeparate() throws Exception {
        OutputTag<String> rejected = new OutputTag<>("rejected") {};
        TwoInputStreamOperatorTestHarness<Integer, Integer, Integer> harness =
                ProcessFunctionTestHarnesses.forCoProcessFunction(new CoProcessFunction<Integer, Integer, Integer>() {
                    @Override
                    public void processElement1(Integer value, Context ctx, Collector<Integer> out) {
                        out.collect(value);
                    }

                    @Override
                    public void processElement2(Integer value, Context ctx, Collector<Integer> out) {
                        if (value < 0) {
                            ctx.output(rejected, "negative " + value + " at " + ctx.timestamp());
                        } else {
                            out.collect(-value);
                        }
                    }
                });

        harness.processElement1(1, 1L);
        harness.processElement2(2, 2L);
        harness.processElement2(new StreamRecord<>(-3));
        harness.processElement2(-4, 4L);

        assertThat(harness.extractOutputStreamRecords())
                .containsExactly(new StreamRecord<>(1, 1L), new StreamRecord<>(-2, 2L));
        assertThat(harness.getSideOutput(rejected))
                .containsExactly(new StreamRecord<>("negative -3 at null"), new StreamRecord<>("negative -4 at 4", 4L));
        harness.close();
    }
}
