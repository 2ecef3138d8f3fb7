package io.sluice.test.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.eventtime.Watermark;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.OpenContext;
import io.sluice.api.functions.co.KeyedCoProcessFunction;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

/** Event-time timers fire through processWatermark, processing-time timers through setProcessingTime. */
class TimersHarnessTest {

    /**
     * Sums values per key and emits "key=sum" when the key has been quiet: an event-time timer
     * {@code gap} after each element's timestamp (only the latest counts), and a processing-time
     * timer at a fixed deadline that reports "key still open".
     */
    static final class SessionSum extends KeyedProcessFunction<String, Tuple2<String, Integer>, String> {
        static final OutputTag<String> LATE = new OutputTag<>("late") {};
        private final long gap;
        private transient ValueState<Integer> sum;
        private transient ValueState<Long> timer;

        SessionSum(long gap) {
            this.gap = gap;
        }

        @Override
        public void open(OpenContext openContext) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.INT));
            timer = getRuntimeContext().getState(new ValueStateDescriptor<>("timer", Types.LONG));
        }

        @Override
        public void processElement(Tuple2<String, Integer> value, Context ctx, Collector<String> out) throws Exception {
            if (ctx.timestamp() <= ctx.timerService().currentWatermark()) {
                ctx.output(LATE, value.f0 + ":" + value.f1);
                return;
            }
            Integer s = sum.value();
            sum.update((s == null ? 0 : s) + value.f1);
            Long previous = timer.value();
            if (previous != null) {
                ctx.timerService().deleteEventTimeTimer(previous);
            } else {
                ctx.timerService().registerProcessingTimeTimer(1000L);
            }
            long next = ctx.timestamp() + gap;
            ctx.timerService().registerEventTimeTimer(next);
            timer.update(next);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            switch (ctx.timeDomain()) {
                case EVENT_TIME -> {
                    out.collect(ctx.getCurrentKey() + "=" + sum.value() + " at " + timestamp + "/" + ctx.timestamp());
                    sum.clear();
                    timer.clear();
                }
                case PROCESSING_TIME -> out.collect(ctx.getCurrentKey() + " deadline " + timestamp + " sum "
                        + sum.value() + " ts " + ctx.timestamp());
            }
        }
    }

    @Test
    void whenWatermarkPassesEventTimeTimers_thenTheyFireInTimestampOrderBeforeTheWatermarkIsForwarded()
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, String> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(new SessionSum(10L), t -> t.f0, Types.STRING);

        harness.processElement(Tuple2.of("a", 1), 1L); // timer a@11
        harness.processElement(Tuple2.of("b", 2), 3L); // timer b@13
        harness.processElement(Tuple2.of("a", 4), 5L); // a@11 deleted, a@15
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(2);

        harness.processWatermark(12L); // nothing due: a@15, b@13
        harness.processWatermark(new Watermark(20L)); // b@13 then a@15, then the watermark
        harness.processElement(Tuple2.of("a", 100), 20L); // at the watermark: late

        assertThat(harness.getOutput())
                .containsExactly(
                        new Watermark(12L),
                        new StreamRecord<>("b=2 at 13/13", 13L),
                        new StreamRecord<>("a=5 at 15/15", 15L),
                        new Watermark(20L));
        assertThat(harness.getSideOutput(SessionSum.LATE)).containsExactly(new StreamRecord<>("a:100", 20L));
        assertThat(harness.numEventTimeTimers()).isZero();
        harness.close();
    }

    @Test
    void whenProcessingTimeReachesTimers_thenSetProcessingTimeFiresThemWithoutTimestamp() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, String> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(new SessionSum(10L), t -> t.f0, Types.STRING);

        harness.processElement(Tuple2.of("x", 7), 1L);
        harness.processElement(Tuple2.of("y", 8), 2L);
        harness.processElement(Tuple2.of("x", 1), 3L); // same key: no second deadline timer
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(2);

        harness.setProcessingTime(999L);
        assertThat(harness.getOutput()).isEmpty();
        harness.setProcessingTime(1000L);

        // Timers of different keys due at the same time fire in no guaranteed order (as in Flink).
        assertThat(harness.getOutput())
                .containsExactlyInAnyOrder(
                        new StreamRecord<>("x deadline 1000 sum 8 ts null"),
                        new StreamRecord<>("y deadline 1000 sum 8 ts null"));
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);
        harness.close();
    }

    @Test
    void whenKeyedCoProcessFunctionSetsTimersFromBothInputs_thenEachKeyFiresOnceWithItsState() throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<Integer, Integer, String, String> harness =
                ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                        new KeyedCoProcessFunction<Integer, Integer, String, String>() {
                            private transient ValueState<String> label;

                            @Override
                            public void open(OpenContext openContext) {
                                label = getRuntimeContext().getState(new ValueStateDescriptor<>("label", Types.STRING));
                            }

                            @Override
                            public void processElement1(Integer value, Context ctx, Collector<String> out) {
                                ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 5);
                            }

                            @Override
                            public void processElement2(String value, Context ctx, Collector<String> out)
                                    throws Exception {
                                label.update(value);
                                ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 5);
                            }

                            @Override
                            public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out)
                                    throws Exception {
                                out.collect(ctx.getCurrentKey() + ":" + label.value() + "@" + timestamp);
                            }
                        },
                        x -> x,
                        s -> s.length(),
                        Types.INT);

        harness.processElement1(3, 1L); // key 3, timer 6
        harness.processElement2("abc", 1L); // key 3, timer 6 again: one timer
        harness.processElement2("zz", 4L); // key 2, timer 9
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        harness.processWatermark1(10L); // input 2 has no watermark yet: no time passes
        assertThat(harness.getOutput()).isEmpty();
        harness.processWatermark2(8L); // clock 8: key 3 fires
        harness.processWatermark2(10L); // clock 10: key 2 fires

        assertThat(harness.getOutput())
                .containsExactly(
                        new StreamRecord<>("3:abc@6", 6L),
                        new Watermark(8L),
                        new StreamRecord<>("2:zz@9", 9L),
                        new Watermark(10L));
        harness.close();
    }
}
