package io.sluice.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.dag.OperatorSpec.WindowContents;
import io.sluice.api.dag.OperatorSpec.WindowSpec;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.Function;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.functions.windowing.ProcessWindowFunction;
import io.sluice.api.functions.windowing.WindowFunction;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import io.sluice.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.api.windowing.assigners.GlobalWindows;
import io.sluice.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.sluice.api.windowing.assigners.SlidingEventTimeWindows;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.CountEvictor;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.triggers.CountTrigger;
import io.sluice.api.windowing.triggers.PurgingTrigger;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.triggers.TriggerResult;
import io.sluice.api.windowing.windows.GlobalWindow;
import io.sluice.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowOperatorTest {
    private static final KeySelector<Tuple2<String, Integer>, String> BY_NAME = t -> t.f0;
    private static final ReduceFunction<Tuple2<String, Integer>> SUM = (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1);
    private static final String LATE = "late";

    private static Tuple2<String, Integer> t(String key, int value) {
        return Tuple2.of(key, value);
    }

    private static WindowSpec spec(
            WindowAssigner<?, ?> assigner,
            Trigger<?, ?> trigger,
            Evictor<?, ?> evictor,
            long allowedLateness,
            boolean lateSideOutput,
            WindowContents contents,
            Function incremental,
            Function windowFunction) {
        return new WindowSpec(
                assigner,
                trigger != null ? trigger : assigner.getDefaultTrigger(),
                evictor,
                allowedLateness,
                lateSideOutput
                        ? new OutputTag<Tuple2<String, Integer>>(LATE, Types.TUPLE(Types.STRING, Types.INT))
                        : null,
                contents,
                incremental,
                windowFunction,
                Types.TUPLE(Types.STRING, Types.INT),
                null);
    }

    private static WindowOperatorHarness<String, Tuple2<String, Integer>, Object> harness(WindowSpec spec)
            throws Exception {
        return new WindowOperatorHarness<>(spec, BY_NAME);
    }

    /** "key [start,end) count sum" for every window. */
    static final class Describe extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        @Override
        public void process(
                String key, Context context, Iterable<Tuple2<String, Integer>> elements, Collector<String> out) {
            int count = 0;
            int sum = 0;
            for (Tuple2<String, Integer> e : elements) {
                count++;
                sum += e.f1;
            }
            TimeWindow w = context.window();
            out.collect(key + " [" + w.getStart() + "," + w.getEnd() + ") " + count + " " + sum);
        }
    }

    @Test
    void tumblingEventTimeReduce_firesPerKeyWhenTheWatermarkPassesTheEnd_atMaxTimestamp() throws Exception {
        var h = harness(spec(
                TumblingEventTimeWindows.of(Duration.ofMillis(10)),
                null,
                null,
                0,
                false,
                WindowContents.REDUCE,
                SUM,
                null));
        h.element(t("a", 1), 1);
        h.element(t("a", 2), 5);
        h.element(t("b", 3), 7);
        h.element(t("a", 4), 12);
        h.watermark(8);
        assertThat(h.takeOutput()).isEmpty();
        h.watermark(9);
        assertThat(h.takeOutput()).containsExactly("(a,3)@9", "(b,3)@9");
        h.watermark(20);
        assertThat(h.takeOutput()).containsExactly("(a,4)@19");
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.operator.getKeyedStateBackend().numKeys(WindowOperator.WINDOW_CONTENTS))
                .isZero();
        assertThat(h.operator.getKeyedStateBackend().numNamespaces(WindowOperator.WINDOW_CONTENTS))
                .isEqualTo(1);
    }

    @Test
    void slidingWindows_eachElementInEveryWindowItBelongsTo() throws Exception {
        var h = harness(spec(
                SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)),
                null,
                null,
                0,
                false,
                WindowContents.ITERABLE,
                null,
                new Describe()));
        h.element(t("a", 1), 3);
        h.element(t("a", 2), 7);
        h.element(t("a", 4), 12);
        h.watermark(30);
        assertThat(h.takeOutput())
                .containsExactly("a [-5,5) 1 1@4", "a [0,10) 2 3@9", "a [5,15) 2 6@14", "a [10,20) 1 4@19");
    }

    @Test
    void whenLateRecordArrives_withoutSideOutput_thenItIsDropped() throws Exception {
        var h = harness(spec(
                TumblingEventTimeWindows.of(Duration.ofMillis(10)),
                null,
                null,
                0,
                false,
                WindowContents.REDUCE,
                SUM,
                null));
        h.element(t("a", 1), 1);
        h.watermark(10);
        assertThat(h.takeOutput()).containsExactly("(a,1)@9");
        h.element(t("a", 5), 9);
        h.watermark(30);
        assertThat(h.takeOutput()).isEmpty();
        assertThat(h.sideOutputs).isEmpty();
    }

    @Test
    void whenLateRecordArrives_thenItGoesToSideOutput_withItsOwnTimestamp() throws Exception {
        var h = harness(spec(
                TumblingEventTimeWindows.of(Duration.ofMillis(10)),
                null,
                null,
                0,
                true,
                WindowContents.REDUCE,
                SUM,
                null));
        h.element(t("a", 1), 1);
        h.watermark(9);
        h.element(t("a", 5), 9);
        h.element(t("a", 6), 10);
        h.watermark(30);
        assertThat(h.takeOutput()).containsExactly("(a,1)@9", "(a,6)@19");
        assertThat(h.sideOutputs.get(LATE)).containsExactly("(a,5)@9");
    }

    @Test
    void withinAllowedLateness_aLateRecordRefiresTheWindow_thenItIsCleanedUpAndLaterOnesGoToSideOutput()
            throws Exception {
        var h = harness(spec(
                TumblingEventTimeWindows.of(Duration.ofMillis(10)),
                null,
                null,
                5,
                true,
                WindowContents.REDUCE,
                SUM,
                null));
        h.element(t("a", 1), 1);
        h.watermark(9);
        assertThat(h.takeOutput()).containsExactly("(a,1)@9");
        h.element(t("a", 2), 3);
        assertThat(h.takeOutput()).containsExactly("(a,3)@9");
        h.watermark(13);
        h.element(t("a", 4), 4);
        assertThat(h.takeOutput()).containsExactly("(a,7)@9");
        h.watermark(14);
        h.element(t("a", 8), 5);
        h.watermark(100);
        assertThat(h.takeOutput()).isEmpty();
        assertThat(h.sideOutputs.get(LATE)).containsExactly("(a,8)@5");
        assertThat(h.operator.getKeyedStateBackend().numKeys(WindowOperator.WINDOW_CONTENTS))
                .isZero();
    }

    @Test
    void sessionWindows_mergeOnOverlap_andABridgingElementJoinsTwoSessions() throws Exception {
        var h = harness(spec(
                EventTimeSessionWindows.withGap(Duration.ofMillis(10)),
                null,
                null,
                0,
                false,
                WindowContents.ITERABLE,
                null,
                new Describe()));
        h.element(t("a", 1), 0);
        h.element(t("a", 2), 5);
        h.element(t("a", 4), 30);
        h.element(t("b", 1), 0);
        h.element(t("b", 2), 20);
        h.element(t("b", 4), 10);
        h.watermark(14);
        assertThat(h.takeOutput()).containsExactly("a [0,15) 2 3@14");
        h.watermark(100);
        assertThat(h.takeOutput()).containsExactly("b [0,30) 3 7@29", "a [30,40) 1 4@39");
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.operator.getKeyedStateBackend().numKeys("merging-window-set"))
                .isZero();
        assertThat(h.operator.getKeyedStateBackend().numKeys(WindowOperator.WINDOW_CONTENTS))
                .isZero();
    }

    @Test
    void sessionWindows_withAReduce_mergeTheReducedState() throws Exception {
        var h = harness(spec(
                EventTimeSessionWindows.withGap(Duration.ofMillis(10)),
                null,
                null,
                0,
                false,
                WindowContents.REDUCE,
                SUM,
                null));
        h.element(t("a", 1), 0);
        h.element(t("a", 2), 20);
        h.element(t("a", 4), 10);
        h.element(t("a", 8), 25);
        h.watermark(100);
        assertThat(h.takeOutput()).containsExactly("(a,15)@34");
    }

    /** Fires never; does not support merging. */
    static final class NonMergingTrigger extends Trigger<Object, TimeWindow> {
        @Override
        public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {}
    }

    @Test
    void sessionWindows_withANonMergingTrigger_areRejected() {
        assertThatThrownBy(() -> harness(spec(
                        EventTimeSessionWindows.withGap(Duration.ofMillis(10)),
                        new NonMergingTrigger(),
                        null,
                        0,
                        false,
                        WindowContents.REDUCE,
                        SUM,
                        null)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("does not support merging");
    }

    @Test
    void aggregateWithWindowFunction_seesTheAggregateOnce() throws Exception {
        AggregateFunction<Tuple2<String, Integer>, long[], Double> average = new AggregateFunction<>() {
            @Override
            public long[] createAccumulator() {
                return new long[2];
            }

            @Override
            public long[] add(Tuple2<String, Integer> value, long[] acc) {
                acc[0] += value.f1;
                acc[1]++;
                return acc;
            }

            @Override
            public Double getResult(long[] acc) {
                return (double) acc[0] / acc[1];
            }

            @Override
            public long[] merge(long[] a, long[] b) {
                a[0] += b[0];
                a[1] += b[1];
                return a;
            }
        };
        WindowFunction<Double, String, String, TimeWindow> describe = (key, window, input, out) -> out.collect(
                key + "@" + window.getStart() + "=" + List.copyOf((java.util.Collection<Double>) toList(input)));
        var h = harness(spec(
                TumblingEventTimeWindows.of(Duration.ofMillis(10)),
                null,
                null,
                0,
                false,
                WindowContents.AGGREGATE,
                average,
                describe));
        h.element(t("a", 1), 1);
        h.element(t("a", 2), 2);
        h.element(t("b", 5), 3);
        h.watermark(9);
        assertThat(h.takeOutput()).containsExactly("a@0=[1.5]@9", "b@0=[5.0]@9");
    }

    private static <T> List<T> toList(Iterable<T> iterable) {
        List<T> list = new java.util.ArrayList<>();
        iterable.forEach(list::add);
        return list;
    }

    /** Counts firings per window (window state) and per key (global state); clear() drops the window's. */
    static final class FiringCounter
            extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        private final ValueStateDescriptor<Integer> perWindow = new ValueStateDescriptor<>("fires", Types.INT);
        private final ValueStateDescriptor<Integer> perKey = new ValueStateDescriptor<>("total", Types.INT);

        @Override
        public void process(
                String key, Context context, Iterable<Tuple2<String, Integer>> elements, Collector<String> out)
                throws Exception {
            ValueState<Integer> fires = context.windowState().getState(perWindow);
            ValueState<Integer> total = context.globalState().getState(perKey);
            fires.update(fires.value() == null ? 1 : fires.value() + 1);
            total.update(total.value() == null ? 1 : total.value() + 1);
            out.collect(key + " " + context.window().getStart() + " fires=" + fires.value() + " total=" + total.value()
                    + " size=" + toList(elements).size());
            context.output(new OutputTag<>("side", Types.STRING), "side-" + key);
        }

        @Override
        public void clear(Context context) {
            context.windowState().getState(perWindow).clear();
        }
    }

    @Test
    void processWindowFunction_perWindowAndGlobalState_andClearOnCleanup() throws Exception {
        var h = harness(spec(
                TumblingEventTimeWindows.of(Duration.ofMillis(10)),
                null,
                null,
                5,
                false,
                WindowContents.ITERABLE,
                null,
                new FiringCounter()));
        h.element(t("a", 1), 1);
        h.watermark(9);
        h.element(t("a", 1), 2);
        h.element(t("a", 1), 11);
        h.watermark(30);
        assertThat(h.takeOutput())
                .containsExactly(
                        "a 0 fires=1 total=1 size=1@9",
                        "a 0 fires=2 total=2 size=2@9",
                        "a 10 fires=1 total=3 size=1@19");
        assertThat(h.sideOutputs.get("side")).containsExactly("side-a@9", "side-a@9", "side-a@19");
        assertThat(h.operator.getKeyedStateBackend().numKeys("fires")).isZero();
        assertThat(h.operator.getKeyedStateBackend().numKeys("total")).isEqualTo(1);
    }

    @Test
    void countWindow_purgingCountTrigger_firesEveryNElements_atLongMaxValue() throws Exception {
        var h = harness(spec(
                GlobalWindows.create(),
                PurgingTrigger.of(CountTrigger.<GlobalWindow>of(2)),
                null,
                0,
                false,
                WindowContents.REDUCE,
                SUM,
                null));
        for (int i = 1; i <= 5; i++) {
            h.element(t("a", i), i);
        }
        h.element(t("b", 10), 0);
        h.watermark(Long.MAX_VALUE);
        assertThat(h.takeOutput()).containsExactly("(a,3)@" + Long.MAX_VALUE, "(a,7)@" + Long.MAX_VALUE);
    }

    @Test
    void slidingCountWindow_evictorKeepsTheLastN_andTheReduceRunsOverThem() throws Exception {
        var h = harness(spec(
                GlobalWindows.create(),
                CountTrigger.<GlobalWindow>of(2),
                CountEvictor.<GlobalWindow>of(3),
                0,
                false,
                WindowContents.REDUCE,
                SUM,
                null));
        for (int i = 1; i <= 6; i++) {
            h.element(t("a", i), i);
        }
        assertThat(h.takeOutput())
                .containsExactly("(a,3)@" + Long.MAX_VALUE, "(a,9)@" + Long.MAX_VALUE, "(a,15)@" + Long.MAX_VALUE);
    }

    @Test
    void tumblingProcessingTime_firesWhenTheClockPassesTheEnd() throws Exception {
        var h = harness(spec(
                TumblingProcessingTimeWindows.of(Duration.ofMillis(10)),
                null,
                null,
                0,
                false,
                WindowContents.REDUCE,
                SUM,
                null));
        h.processingTime(3);
        h.element(t("a", 1), 100);
        h.element(t("a", 2), 0);
        h.processingTime(12);
        h.element(t("a", 4), 0);
        assertThat(h.takeOutput()).containsExactly("(a,3)@9");
        h.processingTime(20);
        assertThat(h.takeOutput()).containsExactly("(a,4)@19");
    }

    @Test
    void sessionWindows_perWindowStateIsNotAllowed_asInFlink() throws Exception {
        var h = harness(spec(
                EventTimeSessionWindows.withGap(Duration.ofMillis(10)),
                null,
                null,
                0,
                false,
                WindowContents.ITERABLE,
                null,
                new FiringCounter()));
        h.element(t("a", 1), 0);
        assertThatThrownBy(() -> h.watermark(100))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Per-window state is not allowed when using merging windows.");
    }

    /** Counts the key's firings in keyed state from the runtime context: per key, across windows. */
    static final class RuntimeContextCounter
            extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        private transient ValueState<Integer> firings;

        @Override
        public void open(io.sluice.api.functions.OpenContext openContext) {
            firings = getRuntimeContext().getState(new ValueStateDescriptor<>("firings", Types.INT));
        }

        @Override
        public void process(
                String key, Context context, Iterable<Tuple2<String, Integer>> elements, Collector<String> out)
                throws Exception {
            firings.update(firings.value() == null ? 1 : firings.value() + 1);
            out.collect(key + " " + context.window().getStart() + " #" + firings.value());
        }
    }

    @Test
    void runtimeContextKeyedState_isPerKeyAcrossWindows() throws Exception {
        var h = harness(spec(
                TumblingEventTimeWindows.of(Duration.ofMillis(10)),
                null,
                null,
                0,
                false,
                WindowContents.ITERABLE,
                null,
                new RuntimeContextCounter()));
        h.element(t("a", 1), 1);
        h.element(t("b", 1), 2);
        h.element(t("a", 1), 11);
        h.element(t("a", 1), 21);
        h.watermark(100);
        assertThat(h.takeOutput()).containsExactly("a 0 #1@9", "b 0 #1@9", "a 10 #2@19", "a 20 #3@29");
        assertThat(h.operator.getKeyedStateBackend().numKeys("firings")).isEqualTo(2);
    }

    @Test
    void sessionWindows_aCountTriggerCountsAcrossMergedSessions() throws Exception {
        var h = harness(spec(
                EventTimeSessionWindows.withGap(Duration.ofMillis(10)),
                CountTrigger.of(3),
                null,
                0,
                false,
                WindowContents.ITERABLE,
                null,
                new Describe()));
        h.element(t("a", 1), 0);
        h.element(t("a", 2), 20);
        assertThat(h.takeOutput()).isEmpty();
        h.element(t("a", 4), 10); // bridges [0,10) and [20,30): their counts (1 + 1) merge, this element makes 3
        assertThat(h.takeOutput()).containsExactly("a [0,30) 3 7@29");
        h.watermark(100);
        assertThat(h.takeOutput()).isEmpty();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.operator.getKeyedStateBackend().numKeys(WindowOperator.SESSIONS))
                .isZero();
        assertThat(h.operator.getKeyedStateBackend().numKeys(WindowOperator.WINDOW_CONTENTS))
                .isZero();
    }

    /**
     * A new window equal to a session that grew by merging lands in that session and sees its
     * contents (Flink's own merging set maps such a window to a fresh, empty namespace instead).
     */
    @Test
    void dynamicSessions_aWindowEqualToAMergedSession_joinsItsContents() throws Exception {
        var h = harness(spec(
                EventTimeSessionWindows.<Tuple2<String, Integer>>withDynamicGap(e -> e.f1),
                null,
                null,
                0,
                false,
                WindowContents.ITERABLE,
                null,
                new Describe()));
        h.element(t("a", 5), 0); // [0,5)
        h.element(t("a", 12), 3); // [3,15): the session is [0,15)
        h.element(t("a", 15), 0); // [0,15) again
        h.watermark(14);
        assertThat(h.takeOutput()).containsExactly("a [0,15) 3 32@14");
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.operator.getKeyedStateBackend().numKeys(WindowOperator.WINDOW_CONTENTS))
                .isZero();
    }

    @Test
    void processingTimeSessions_mergeOnTheClock_andAreDroppedAtTheirEnd() throws Exception {
        var h = harness(spec(
                ProcessingTimeSessionWindows.withGap(Duration.ofMillis(10)),
                null,
                null,
                0,
                false,
                WindowContents.ITERABLE,
                null,
                new Describe()));
        h.processingTime(1);
        h.element(t("a", 1), 100); // [1,11)
        h.processingTime(6);
        h.element(t("a", 2), 0); // [6,16): the session is [1,16)
        h.element(t("b", 4), 0); // [6,16)
        h.processingTime(14);
        assertThat(h.takeOutput()).isEmpty();
        h.processingTime(15);
        assertThat(h.takeOutput()).containsExactly("a [1,16) 2 3@15", "b [6,16) 1 4@15");
        assertThat(h.operator.getKeyedStateBackend().numKeys(WindowOperator.SESSIONS))
                .isZero();
        assertThat(h.operator.getKeyedStateBackend().numKeys(WindowOperator.WINDOW_CONTENTS))
                .isZero();
    }
}
