package io.sluice.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.dag.OperatorSpec.WindowContents;
import io.sluice.api.dag.OperatorSpec.WindowSpec;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.Function;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.api.windowing.assigners.GlobalWindows;
import io.sluice.api.windowing.assigners.SlidingEventTimeWindows;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.CountEvictor;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.triggers.CountTrigger;
import io.sluice.api.windowing.triggers.PurgingTrigger;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.runtime.state.OperatorRestore;
import io.sluice.runtime.state.OperatorSubtaskState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A window operator snapshotted mid-window and restored into a new operator instance produces
 * exactly what the uninterrupted operator produces.
 */
class WindowOperatorSnapshotTest {
    private static final KeySelector<Tuple2<String, Integer>, String> BY_NAME = t -> t.f0;
    private static final ReduceFunction<Tuple2<String, Integer>> SUM = (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1);

    /** Sum and count in a mutable accumulator, updated in place. */
    static final class SumCount implements AggregateFunction<Tuple2<String, Integer>, int[], String> {
        @Override
        public int[] createAccumulator() {
            return new int[2];
        }

        @Override
        public int[] add(Tuple2<String, Integer> value, int[] acc) {
            acc[0] += value.f1;
            acc[1]++;
            return acc;
        }

        @Override
        public String getResult(int[] acc) {
            return acc[0] + "/" + acc[1];
        }

        @Override
        public int[] merge(int[] a, int[] b) {
            a[0] += b[0];
            a[1] += b[1];
            return a;
        }
    }

    private static WindowSpec spec(
            WindowAssigner<?, ?> assigner,
            Trigger<?, ?> trigger,
            Evictor<?, ?> evictor,
            WindowContents contents,
            Function incremental,
            Function windowFunction) {
        return new WindowSpec(
                assigner,
                trigger != null ? trigger : assigner.getDefaultTrigger(),
                evictor,
                0,
                null,
                contents,
                incremental,
                windowFunction,
                Types.TUPLE(Types.STRING, Types.INT),
                null);
    }

    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of(
                        "tumbling reduce",
                        spec(
                                TumblingEventTimeWindows.of(Duration.ofMillis(10)),
                                null,
                                null,
                                WindowContents.REDUCE,
                                SUM,
                                null)),
                Arguments.of(
                        "sliding, all elements, process function",
                        spec(
                                SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)),
                                null,
                                null,
                                WindowContents.ITERABLE,
                                null,
                                new WindowOperatorTest.Describe())),
                Arguments.of(
                        "sessions, in-place accumulator",
                        spec(
                                EventTimeSessionWindows.withGap(Duration.ofMillis(4)),
                                null,
                                null,
                                WindowContents.AGGREGATE,
                                new SumCount(),
                                null)),
                Arguments.of(
                        "sessions, all elements",
                        spec(
                                EventTimeSessionWindows.withGap(Duration.ofMillis(4)),
                                null,
                                null,
                                WindowContents.ITERABLE,
                                null,
                                new WindowOperatorTest.Describe())),
                Arguments.of(
                        "tumbling with count evictor",
                        spec(
                                TumblingEventTimeWindows.of(Duration.ofMillis(10)),
                                null,
                                CountEvictor.of(2),
                                WindowContents.ITERABLE,
                                null,
                                new WindowOperatorTest.Describe())),
                Arguments.of(
                        "global windows, purging count trigger (trigger state)",
                        spec(
                                GlobalWindows.create(),
                                PurgingTrigger.of(CountTrigger.of(3)),
                                null,
                                WindowContents.REDUCE,
                                SUM,
                                null)));
    }

    private static final List<Object[]> BEFORE = List.of(
            new Object[] {"a", 1, 1L},
            new Object[] {"b", 2, 2L},
            new Object[] {"a", 3, 3L},
            new Object[] {"c", 4, 6L},
            new Object[] {"a", 5, 8L},
            new Object[] {"b", 6, 11L});
    private static final List<Object[]> AFTER = List.of(
            new Object[] {"a", 7, 9L},
            new Object[] {"b", 8, 12L},
            new Object[] {"a", 9, 14L},
            new Object[] {"c", 10, 7L},
            new Object[] {"a", 11, 15L},
            new Object[] {"b", 12, 25L});

    private static void feed(WindowOperatorHarness<String, Tuple2<String, Integer>, Object> h, List<Object[]> input)
            throws Exception {
        for (Object[] e : input) {
            h.element(Tuple2.of((String) e[0], (Integer) e[1]), (Long) e[2]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void snapshotMidWindow_restoredIntoANewOperator_emitsExactlyTheUninterruptedResult(String name, WindowSpec spec)
            throws Exception {
        var uninterrupted = new WindowOperatorHarness<String, Tuple2<String, Integer>, Object>(spec, BY_NAME);
        feed(uninterrupted, BEFORE);
        uninterrupted.watermark(4);
        feed(uninterrupted, AFTER);
        uninterrupted.watermark(100);
        List<String> expected = uninterrupted.takeOutput();
        assertThat(expected).isNotEmpty();

        var first = new WindowOperatorHarness<String, Tuple2<String, Integer>, Object>(spec, BY_NAME);
        feed(first, BEFORE);
        first.watermark(4);
        List<String> output = new ArrayList<>(first.takeOutput());
        OperatorSubtaskState snapshot = first.snapshot(1);
        // the old instance goes on after the snapshot; none of that may reach the snapshot
        feed(first, AFTER);
        first.watermark(50);

        var restored = new WindowOperatorHarness<String, Tuple2<String, Integer>, Object>(
                spec, BY_NAME, new OperatorRestore(1, List.of(snapshot)));
        feed(restored, AFTER);
        restored.watermark(100);
        output.addAll(restored.takeOutput());

        assertThat(output).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void restoredTwice_fromSnapshotsTakenAfterARestore_stillMatches(String name, WindowSpec spec) throws Exception {
        var uninterrupted = new WindowOperatorHarness<String, Tuple2<String, Integer>, Object>(spec, BY_NAME);
        feed(uninterrupted, BEFORE);
        feed(uninterrupted, AFTER);
        uninterrupted.watermark(100);
        List<String> expected = uninterrupted.takeOutput();

        var first = new WindowOperatorHarness<String, Tuple2<String, Integer>, Object>(spec, BY_NAME);
        feed(first, BEFORE);
        List<String> output = new ArrayList<>(first.takeOutput());
        var second = new WindowOperatorHarness<String, Tuple2<String, Integer>, Object>(
                spec, BY_NAME, new OperatorRestore(1, List.of(first.snapshot(1))));
        feed(second, AFTER.subList(0, 3));
        output.addAll(second.takeOutput());
        var third = new WindowOperatorHarness<String, Tuple2<String, Integer>, Object>(
                spec, BY_NAME, new OperatorRestore(2, List.of(second.snapshot(2))));
        feed(third, AFTER.subList(3, AFTER.size()));
        third.watermark(100);
        output.addAll(third.takeOutput());

        assertThat(output).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void processingTimeWindow_restored_firesWhenProcessingTimePassesItsEnd() throws Exception {
        WindowSpec spec = spec(
                TumblingProcessingTimeWindows.of(Duration.ofMillis(10)), null, null, WindowContents.REDUCE, SUM, null);
        var first = new WindowOperatorHarness<String, Tuple2<String, Integer>, Object>(spec, BY_NAME);
        first.processingTime(3);
        first.element(Tuple2.of("a", 1), 0);
        first.element(Tuple2.of("b", 2), 0);
        first.element(Tuple2.of("a", 3), 0);
        OperatorSubtaskState snapshot = first.snapshot(1);

        var restored = new WindowOperatorHarness<String, Tuple2<String, Integer>, Object>(
                spec, BY_NAME, new OperatorRestore(1, List.of(snapshot)));
        restored.processingTime(8);
        assertThat(restored.takeOutput()).isEmpty();
        restored.processingTime(9);
        assertThat(restored.takeOutput()).containsExactly("(a,4)@9", "(b,2)@9");
    }
}
