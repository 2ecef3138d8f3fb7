package io.sluice.runtime.e2e.joins;

import static io.sluice.runtime.e2e.joins.JoinTestData.env;
import static io.sluice.runtime.e2e.joins.JoinTestData.orders;
import static io.sluice.runtime.e2e.joins.JoinTestData.payments;
import static io.sluice.runtime.e2e.joins.JoinTestData.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.datastream.DataStream;
import io.sluice.api.datastream.SingleOutputStreamOperator;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.CoGroupFunction;
import io.sluice.api.functions.FlatJoinFunction;
import io.sluice.api.functions.JoinFunction;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.OpenContext;
import io.sluice.api.functions.RichJoinFunction;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.api.windowing.assigners.SlidingEventTimeWindows;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.api.windowing.evictors.TimeEvictor;
import io.sluice.runtime.e2e.api.SubtaskSink;
import io.sluice.runtime.e2e.joins.JoinTestData.Order;
import io.sluice.runtime.e2e.joins.JoinTestData.Payment;
import io.sluice.runtime.e2e.joins.JoinTestData.WithTimestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code DataStream#join} and {@code DataStream#coGroup} over event-time windows: pairs per key
 * and window, keys on one side only, result timestamps, with Flink's results on the same inputs.
 * The inputs have timestamps and no watermarks, so every window fires at the end of the input.
 */
class WindowJoinEndToEndTest {

    private static final Order[] ORDERS = {
        new Order("a", 1, "L1"),
        new Order("a", 5, "L2"),
        new Order("a", 12, "L3"),
        new Order("b", 3, "L4"),
        new Order("c", 7, "L5"),
    };

    private static final Payment[] PAYMENTS = {
        new Payment("a", 2, "R1"),
        new Payment("a", 9, "R2"),
        new Payment("a", 15, "R3"),
        new Payment("b", 11, "R4"),
        new Payment("d", 4, "R5"),
    };

    static final class PairNames implements JoinFunction<Order, Payment, String> {
        @Override
        public String join(Order first, Payment second) {
            return first.id() + "|" + second.id();
        }
    }

    /** Emits the ids of both sides in the order the window held them. */
    static final class ListBothSides implements CoGroupFunction<Order, Payment, String> {
        @Override
        public void coGroup(Iterable<Order> first, Iterable<Payment> second, Collector<String> out) {
            List<String> left = new ArrayList<>();
            first.forEach(o -> left.add(o.id()));
            List<String> right = new ArrayList<>();
            second.forEach(p -> right.add(p.id()));
            out.collect(left + "|" + right);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.joins.JoinTestData#parallelisms")
    void whenBothSidesHaveAKeyInATumblingWindow_thenEveryPairIsJoinedAtTheWindowEnd(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        orders(env, ORDERS)
                .join(payments(env, PAYMENTS))
                .where(Order::key)
                .equalTo(Payment::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .apply(new PairNames())
                .process(new WithTimestamp())
                .sinkTo(sink);
        env.execute("tumbling window join");

        // [0, 10): a has L1, L2 and R1, R2; b, c and d have one side only. [10, 20): a has L3 and R3.
        assertThat(sorted(sink.all())).containsExactly("L1|R1@9", "L1|R2@9", "L2|R1@9", "L2|R2@9", "L3|R3@19");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.joins.JoinTestData#parallelisms")
    void whenWindowsSlide_thenAPairIsJoinedInEveryWindowHoldingBoth(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        orders(env, ORDERS)
                .join(payments(env, PAYMENTS))
                .where(Order::key)
                .equalTo(Payment::key)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)))
                .apply((JoinFunction<Order, Payment, String>) (o, p) -> o.id() + "|" + p.id(), Types.STRING)
                .process(new WithTimestamp())
                .sinkTo(sink);
        env.execute("sliding window join");

        assertThat(sink.all())
                .containsExactlyInAnyOrder(
                        "L1|R1@4", // [-5, 5)
                        "L1|R1@9", // [0, 10)
                        "L1|R2@9",
                        "L2|R1@9",
                        "L2|R2@9",
                        "L2|R2@14", // [5, 15)
                        "L3|R2@14",
                        "L3|R3@19"); // [10, 20)
    }

    /** Emits pairs less than 5 ms apart, twice; others not at all. */
    static final class CloseOnesTwice implements FlatJoinFunction<Order, Payment, String> {
        @Override
        public void join(Order first, Payment second, Collector<String> out) {
            if (Math.abs(first.ts() - second.ts()) < 5) {
                out.collect(first.id() + "|" + second.id());
                out.collect(first.id() + "|" + second.id() + "'");
            }
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.joins.JoinTestData#parallelisms")
    void whenAFlatJoinFunctionEmitsZeroOrMore_thenOnlyItsResultsAppear(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        orders(env, ORDERS)
                .join(payments(env, PAYMENTS))
                .where(Order::key)
                .equalTo(Payment::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .apply(new CloseOnesTwice())
                .sinkTo(sink);
        env.execute("flat window join");

        assertThat(sorted(sink.all()))
                .containsExactly("L1|R1", "L1|R1'", "L2|R1", "L2|R1'", "L2|R2", "L2|R2'", "L3|R3", "L3|R3'");
    }

    /** A rich join function is opened with a runtime context before it joins. */
    static final class SubtaskAwareJoin extends RichJoinFunction<Order, Payment, String> {
        private transient String prefix;

        @Override
        public void open(OpenContext openContext) {
            prefix = "opened:" + getRuntimeContext().getNumberOfParallelSubtasks() + ":";
        }

        @Override
        public String join(Order first, Payment second) {
            return prefix + first.id() + "|" + second.id();
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.joins.JoinTestData#parallelisms")
    void whenTheJoinFunctionIsRich_thenItIsOpenedWithTheWindowOperatorsContext(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        orders(env, ORDERS)
                .join(payments(env, PAYMENTS))
                .where(Order::key)
                .equalTo(Payment::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .apply(new SubtaskAwareJoin())
                .sinkTo(sink);
        env.execute("rich window join");

        String p = "opened:" + parallelism + ":";
        assertThat(sorted(sink.all())).containsExactly(p + "L1|R1", p + "L1|R2", p + "L2|R1", p + "L2|R2", p + "L3|R3");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.joins.JoinTestData#parallelisms")
    void whenAKeyIsOnOneSideOnly_thenCoGroupGetsAnEmptyListForTheOther(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        orders(env, ORDERS)
                .coGroup(payments(env, PAYMENTS))
                .where(Order::key)
                .equalTo(Payment::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .apply(new ListBothSides())
                .process(new WithTimestamp())
                .sinkTo(sink);
        env.execute("tumbling co-group");

        assertThat(sorted(sink.all()))
                .containsExactly(
                        "[L1, L2]|[R1, R2]@9", // a in [0, 10)
                        "[L3]|[R3]@19", // a in [10, 20)
                        "[L4]|[]@9", // b in [0, 10)
                        "[L5]|[]@9", // c
                        "[]|[R4]@19", // b in [10, 20)
                        "[]|[R5]@9"); // d
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.joins.JoinTestData#parallelisms")
    void whenSessionsMerge_thenElementsOfBothSidesMeetInTheMergedSession(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        orders(env, ORDERS)
                .join(payments(env, PAYMENTS))
                .where(Order::key)
                .equalTo(Payment::key)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(3)))
                .apply(new PairNames())
                .process(new WithTimestamp())
                .sinkTo(sink);
        env.execute("session window join");

        // a: L1@1, R1@2, L2@5 make the session [1, 8); R2@9, L3@12, R3@15 make [9, 18) (touching
        // sessions merge). b: L4@3 and R4@11 are in different sessions.
        assertThat(sorted(sink.all())).containsExactly("L1|R1@7", "L2|R1@7", "L3|R2@17", "L3|R3@17");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.joins.JoinTestData#parallelisms")
    void whenAnEvictorIsSet_thenItRemovesElementsOfBothSidesBeforeTheJoin(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        orders(env, ORDERS)
                .join(payments(env, PAYMENTS))
                .where(Order::key)
                .equalTo(Payment::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .evictor(TimeEvictor.of(Duration.ofMillis(5)))
                .apply(new PairNames())
                .process(new WithTimestamp())
                .sinkTo(sink);
        env.execute("window join with evictor");

        // Only elements within 5 ms of the window's latest element stay: in [0, 10) of a, L2@5 and
        // R2@9 (the latest is 9, so 4 and earlier go); in [10, 20) of a, L3@12 and R3@15.
        assertThat(sorted(sink.all())).containsExactly("L2|R2@9", "L3|R3@19");
    }

    static Stream<Arguments> latenessCases() {
        // Without lateness L2@3 arrives after [0, 10) was purged and is dropped. With 5 ms the window
        // lives until the watermark reaches 14, so L2 is added and the window fires again at once.
        List<String> dropped = List.of("L1|R1@9", "L3|R2@19");
        List<String> refired = List.of("L1|R1@9", "L1|R1@9", "L2|R1@9", "L3|R2@19");
        return Stream.of(
                Arguments.of(1, 0L, dropped),
                Arguments.of(4, 0L, dropped),
                Arguments.of(1, 5L, refired),
                Arguments.of(4, 5L, refired));
    }

    @ParameterizedTest(name = "parallelism {0}, allowed lateness {1} ms")
    @MethodSource("latenessCases")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void whenAnElementArrivesAfterItsWindowFired_thenAllowedLatenessDecides(
            int parallelism, long latenessMillis, List<String> expected) throws Exception {
        String gate = UUID.randomUUID() + "-12";
        StreamExecutionEnvironment env = env(parallelism);
        ScriptedSource<Order> orderScript = new ScriptedSource<Order>()
                .emit(new Order("a", 1, "L1"), new Order("a", 12, "L3"))
                .awaitGate(gate)
                .emit(new Order("a", 3, "L2"));
        ScriptedSource<Payment> paymentScript =
                new ScriptedSource<Payment>().emit(new Payment("a", 2, "R1"), new Payment("a", 12, "R2"));
        DataStream<Order> orders = env.fromSource(
                        orderScript,
                        JoinTestData.<Order>punctuated().withTimestampAssigner((o, ts) -> o.ts()),
                        "Orders",
                        TypeInformation.of(Order.class))
                .setParallelism(1);
        DataStream<Payment> payments = env.fromSource(
                        paymentScript,
                        JoinTestData.<Payment>punctuated().withTimestampAssigner((p, ts) -> p.ts()),
                        "Payments",
                        TypeInformation.of(Payment.class))
                .setParallelism(1);

        SingleOutputStreamOperator<String> joined = orders.join(payments)
                .where(Order::key)
                .equalTo(Payment::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(latenessMillis))
                .apply(new PairNames());
        SubtaskSink<String> sink = new SubtaskSink<>();
        joined.process(new WithTimestamp()).sinkTo(sink);
        joined.sinkTo(new WatermarkGateSink<String>().opening(gate, 12)).setParallelism(1);
        env.execute("window join lateness");

        assertThat(sorted(sink.all())).containsExactlyElementsOf(expected);
    }

    @Test
    void whenTheKeyTypesDiffer_thenEqualToFails() {
        StreamExecutionEnvironment env = env(1);
        DataStream<Order> orders = orders(env, ORDERS);
        DataStream<Payment> payments = payments(env, PAYMENTS);
        @SuppressWarnings({"unchecked", "rawtypes"})
        KeySelector<Payment, String> byTimestamp = (KeySelector) (KeySelector<Payment, Long>) Payment::ts;
        assertThatThrownBy(() -> orders.join(payments).where(Order::key).equalTo(byTimestamp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The keys for the two inputs are not equal");
        assertThatThrownBy(() -> orders.coGroup(payments).where(Order::key).equalTo(byTimestamp))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The keys for the two inputs are not equal");
    }
}
