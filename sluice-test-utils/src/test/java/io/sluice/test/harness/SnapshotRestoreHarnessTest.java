package io.sluice.test.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.dag.OperatorSpec.AggregationKind;
import io.sluice.api.dag.OperatorSpec.AggregationSpec;
import io.sluice.api.dag.OperatorSpec.IntervalJoinSpec;
import io.sluice.api.dag.OperatorSpec.ReduceSpec;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.OpenContext;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.functions.co.KeyedCoProcessFunction;
import io.sluice.api.functions.co.ProcessJoinFunction;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.runtime.operators.KeyedCoProcessOperator;
import io.sluice.runtime.operators.KeyedProcessOperator;
import io.sluice.runtime.state.KeyGroupRangeAssignment;
import io.sluice.runtime.state.OperatorSubtaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A keyed process function with keyed state and both kinds of timers, snapshotted mid-run and
 * restored into a new operator (same parallelism and rescaled), produces what the uninterrupted
 * run produces.
 */
class SnapshotRestoreHarnessTest {
    private static final int MAX_PARALLELISM = 16;

    private static KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, String> harness(
            int parallelism, int subtask) {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new TimersHarnessTest.SessionSum(10L)),
                t -> t.f0,
                Types.STRING,
                MAX_PARALLELISM,
                parallelism,
                subtask);
    }

    private static void before(KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, String> h)
            throws Exception {
        h.processElement(Tuple2.of("a", 1), 1L); // a@11, deadline 1000
        h.processElement(Tuple2.of("b", 2), 3L); // b@13, deadline 1000
        h.processElement(Tuple2.of("a", 4), 5L); // a@11 deleted, a@15
        h.processElement(Tuple2.of("c", 3), 4L); // c@14, deadline 1000
        h.processWatermark(12L);
    }

    private static void after(KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, String> h)
            throws Exception {
        h.processElement(Tuple2.of("c", 5), 13L); // c@14 deleted, c@23
        h.processWatermark(20L); // b@13, a@15
        h.setProcessingTime(1000L); // the deadlines of a, b, c in registration order
        h.processWatermark(30L); // c@23
    }

    private static List<Object> run(
            KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, String> h, boolean first)
            throws Exception {
        if (first) {
            before(h);
        } else {
            after(h);
        }
        return new ArrayList<>(h.getOutput());
    }

    @Test
    void whenRestoredMidRun_thenStateAndTimersGiveTheUninterruptedOutput() throws Exception {
        var uninterrupted = harness(1, 0);
        uninterrupted.open();
        before(uninterrupted);
        after(uninterrupted);
        List<Object> expected = new ArrayList<>(uninterrupted.getOutput());

        var first = harness(1, 0);
        first.open();
        List<Object> output = run(first, true);
        OperatorSubtaskState snapshot = first.snapshot(1, 100);
        first.processElement(Tuple2.of("a", 1000), 16L); // after the snapshot: not in it
        first.close();

        var restored = harness(1, 0);
        restored.initializeState(snapshot);
        restored.open();
        assertThat(restored.numEventTimeTimers()).isEqualTo(3);
        assertThat(restored.numProcessingTimeTimers()).isEqualTo(3);
        output.addAll(run(restored, false));

        assertThat(output).isEqualTo(expected);
        assertThat(expected.toString())
                .isEqualTo("[Watermark @ 12, Record @ 13 : b=2 at 13/13, Record @ 15 : a=5 at 15/15, Watermark @ 20,"
                        + " Record @ (undef) : a deadline 1000 sum null ts null,"
                        + " Record @ (undef) : b deadline 1000 sum null ts null,"
                        + " Record @ (undef) : c deadline 1000 sum 8 ts null, Record @ 23 : c=8 at 23/23,"
                        + " Watermark @ 30]");
        restored.close();
    }

    @Test
    void whenTwoSubtasksAreRestoredIntoThreeOrOne_thenEachKeyFiresOnItsNewSubtask() throws Exception {
        List<String> keys = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        List<OperatorSubtaskState> snapshots = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            var h = harness(2, subtask);
            h.open();
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                if (KeyGroupRangeAssignment.assignKeyToParallelOperator(key, MAX_PARALLELISM, 2) == subtask) {
                    h.processElement(Tuple2.of(key, i + 1), i); // timer at i + 10
                }
            }
            snapshots.add(h.snapshot(1, 100));
            h.close();
        }

        for (int parallelism : new int[] {3, 1}) {
            List<String> all = new ArrayList<>();
            for (int subtask = 0; subtask < parallelism; subtask++) {
                var h = harness(parallelism, subtask);
                h.initializeState(snapshots.toArray(new OperatorSubtaskState[0]));
                h.open();
                h.processWatermark(100L);
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) {
                    String key = keys.get(i);
                    if (KeyGroupRangeAssignment.assignKeyToParallelOperator(key, MAX_PARALLELISM, parallelism)
                            == subtask) {
                        expected.add(key + "=" + (i + 1) + " at " + (i + 10) + "/" + (i + 10));
                    }
                }
                assertThat(h.extractOutputValues())
                        .as("subtask %d of %d", subtask, parallelism)
                        .isEqualTo(expected);
                all.addAll(h.extractOutputValues());
                h.close();
            }
            assertThat(all).hasSize(keys.size());
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, Tuple2<String, Integer>>
            rolling(OperatorSpec spec) {
        return new KeyedOneInputStreamOperatorTestHarness<>(spec, t -> t.f0, Types.STRING);
    }

    static Stream<Arguments> rollingSpecs() {
        return Stream.of(
                Arguments.of(
                        "reduce",
                        new ReduceSpec(
                                (ReduceFunction<Tuple2<String, Integer>>) (x, y) -> Tuple2.of(x.f0, x.f1 + y.f1),
                                Types.TUPLE(Types.STRING, Types.INT))),
                Arguments.of(
                        "sum(1)",
                        new AggregationSpec(
                                AggregationKind.SUM, 1, null, false, Types.TUPLE(Types.STRING, Types.INT))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rollingSpecs")
    void whenARollingAggregateIsRestored_thenItContinuesFromTheCheckpointedValuePerKey(String name, OperatorSpec spec)
            throws Exception {
        var first = rolling(spec);
        first.open();
        first.processElement(Tuple2.of("x", 1), 1L);
        first.processElement(Tuple2.of("y", 10), 2L);
        first.processElement(Tuple2.of("x", 2), 3L);
        OperatorSubtaskState snapshot = first.snapshot(1, 100);
        first.processElement(Tuple2.of("x", 100), 4L); // after the snapshot: lost with the old instance
        first.close();

        var restored = rolling(spec);
        restored.initializeState(snapshot);
        restored.open();
        restored.processElement(Tuple2.of("x", 4), 5L);
        restored.processElement(Tuple2.of("y", 20), 6L);
        restored.processElement(Tuple2.of("z", 7), 7L);
        assertThat(restored.extractOutputValues())
                .containsExactly(Tuple2.of("x", 7), Tuple2.of("y", 30), Tuple2.of("z", 7));
        restored.close();
    }

    /** "left+right" with the pair's timestamps. */
    static final class Pair extends ProcessJoinFunction<String, String, String> {
        @Override
        public void processElement(String left, String right, Context ctx, Collector<String> out) {
            out.collect(left + "+" + right + "(" + ctx.getLeftTimestamp() + "," + ctx.getRightTimestamp() + ")");
        }
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, String, String, String> intervalJoin() {
        KeySelector<String, String> key = v -> v.substring(0, v.indexOf(':'));
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new IntervalJoinSpec(-2, 2, true, true, null, null, Types.STRING, Types.STRING, new Pair()),
                key,
                key,
                Types.STRING);
    }

    private static void joinBefore(KeyedTwoInputStreamOperatorTestHarness<String, String, String, String> h)
            throws Exception {
        h.processElement1("a:L1", 1L);
        h.processElement1("b:L2", 2L);
        h.processElement2("a:R3", 3L);
        h.processBothWatermarks(new Watermark(2L));
    }

    private static void joinAfter(KeyedTwoInputStreamOperatorTestHarness<String, String, String, String> h)
            throws Exception {
        h.processElement2("b:R3", 3L);
        h.processElement1("a:L4", 4L);
        h.processElement2("a:R5", 5L);
        h.processBothWatermarks(new Watermark(10L)); // cleans up every buffer
        h.processElement2("a:R11", 11L);
        h.processElement1("a:L12", 12L);
    }

    @Test
    void whenAnIntervalJoinIsRestored_thenBuffersAndCleanupTimersGiveTheUninterruptedPairs() throws Exception {
        var uninterrupted = intervalJoin();
        uninterrupted.open();
        joinBefore(uninterrupted);
        joinAfter(uninterrupted);
        List<String> expected = uninterrupted.extractOutputValues();
        assertThat(expected)
                .containsExactly(
                        "a:L1+a:R3(1,3)", "b:L2+b:R3(2,3)", "a:L4+a:R3(4,3)", "a:L4+a:R5(4,5)", "a:L12+a:R11(12,11)");

        var first = intervalJoin();
        first.open();
        joinBefore(first);
        List<String> output = new ArrayList<>(first.extractOutputValues());
        OperatorSubtaskState snapshot = first.snapshot(1, 100);
        first.close();

        var restored = intervalJoin();
        restored.initializeState(snapshot);
        restored.open();
        restored.processBothWatermarks(new Watermark(2L)); // watermarks are not checkpointed, as in Flink
        joinAfter(restored);
        output.addAll(restored.extractOutputValues());
        assertThat(output).isEqualTo(expected);
        assertThat(restored.numKeyedStateEntries()).isEqualTo(2);
    }

    /** Input 1 adds to the key's sum; input 2 asks for it at its timestamp + 5 (an event-time timer). */
    static final class SumOnRequest extends KeyedCoProcessFunction<String, Tuple2<String, Integer>, String, String> {
        private transient ValueState<Integer> sum;

        @Override
        public void open(OpenContext openContext) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.INT));
        }

        @Override
        public void processElement1(Tuple2<String, Integer> value, Context ctx, Collector<String> out)
                throws Exception {
            Integer s = sum.value();
            sum.update((s == null ? 0 : s) + value.f1);
        }

        @Override
        public void processElement2(String key, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 5);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + "=" + sum.value() + "@" + timestamp);
        }
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, String, String> coProcess() {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new SumOnRequest()), t -> t.f0, k -> k, Types.STRING);
    }

    @Test
    void whenAKeyedCoProcessFunctionIsRestored_thenItsStateAndTimersCarryOver() throws Exception {
        var first = coProcess();
        first.open();
        first.processElement1(Tuple2.of("a", 1), 1L);
        first.processElement1(Tuple2.of("b", 2), 2L);
        first.processElement2("a", 3L); // a@8
        first.processElement1(Tuple2.of("a", 3), 4L);
        first.processElement2("b", 6L); // b@11
        OperatorSubtaskState snapshot = first.snapshot(1, 100);
        first.processElement1(Tuple2.of("a", 100), 7L); // after the snapshot
        first.close();

        var restored = coProcess();
        restored.initializeState(snapshot);
        restored.open();
        restored.processElement1(Tuple2.of("b", 5), 7L);
        restored.processBothWatermarks(new Watermark(20L));
        assertThat(restored.extractOutputValues()).containsExactly("a=4@8", "b=7@11");
        restored.close();
    }
}
