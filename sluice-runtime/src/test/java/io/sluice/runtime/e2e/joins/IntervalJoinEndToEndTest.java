package io.sluice.runtime.e2e.joins;

import static io.sluice.runtime.e2e.joins.JoinTestData.env;
import static io.sluice.runtime.e2e.joins.JoinTestData.orders;
import static io.sluice.runtime.e2e.joins.JoinTestData.payments;
import static io.sluice.runtime.e2e.joins.JoinTestData.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.JobExecutionException;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.datastream.KeyedStream;
import io.sluice.api.datastream.SingleOutputStreamOperator;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.co.ProcessJoinFunction;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.e2e.api.SubtaskSink;
import io.sluice.runtime.e2e.joins.JoinTestData.Order;
import io.sluice.runtime.e2e.joins.JoinTestData.Payment;
import io.sluice.runtime.e2e.joins.JoinTestData.WithTimestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code KeyedStream#intervalJoin}: which pairs meet (inclusive and exclusive bounds, keys on one
 * side only), the timestamps of results and side outputs, late elements, and cleanup, with the
 * results Flink gives on the same inputs.
 */
class IntervalJoinEndToEndTest {
    private static final OutputTag<String> PAIRS = new OutputTag<>("pairs", Types.STRING);

    /** "order|payment|leftTs|rightTs|ts"; also sends "order|payment" to the side output PAIRS. */
    static final class Describe extends ProcessJoinFunction<Order, Payment, String> {
        @Override
        public void processElement(Order left, Payment right, Context ctx, Collector<String> out) {
            out.collect(left.id() + "|" + right.id() + "|" + ctx.getLeftTimestamp() + "|" + ctx.getRightTimestamp()
                    + "|" + ctx.getTimestamp());
            ctx.output(PAIRS, left.id() + "|" + right.id());
        }
    }

    private static final Order[] ORDERS = {
        new Order("a", 10, "L1"), new Order("a", 20, "L2"), new Order("b", 10, "L3"), new Order("c", 5, "L4"),
    };

    private static final Payment[] PAYMENTS = {
        new Payment("a", 8, "R1"),
        new Payment("a", 13, "R2"),
        new Payment("a", 7, "R3"),
        new Payment("a", 18, "R4"),
        new Payment("b", 12, "R5"),
        new Payment("d", 10, "R6"),
        new Payment("a", 11, "R7"),
    };

    static List<Arguments> boundsCases() {
        // between(-2 ms, +3 ms): a left element at t meets the right ones in [t - 2, t + 3].
        List<String> inclusive = List.of(
                "L1|R1|10|8|10@10", "L1|R2|10|13|13@13", "L1|R7|10|11|11@11", "L2|R4|20|18|20@20", "L3|R5|10|12|12@12");
        List<String> lowerExclusive = List.of("L1|R2|10|13|13@13", "L1|R7|10|11|11@11", "L3|R5|10|12|12@12");
        List<String> upperExclusive =
                List.of("L1|R1|10|8|10@10", "L1|R7|10|11|11@11", "L2|R4|20|18|20@20", "L3|R5|10|12|12@12");
        List<String> bothExclusive = List.of("L1|R7|10|11|11@11", "L3|R5|10|12|12@12");
        return List.of(
                Arguments.of(1, false, false, inclusive),
                Arguments.of(4, false, false, inclusive),
                Arguments.of(1, true, false, lowerExclusive),
                Arguments.of(4, true, false, lowerExclusive),
                Arguments.of(1, false, true, upperExclusive),
                Arguments.of(4, false, true, upperExclusive),
                Arguments.of(1, true, true, bothExclusive),
                Arguments.of(4, true, true, bothExclusive));
    }

    @ParameterizedTest(name = "parallelism {0}, lower exclusive {1}, upper exclusive {2}")
    @MethodSource("boundsCases")
    void whenTimestampsFallWithinTheBounds_thenThePairsMeetOnceWithTheLargerTimestamp(
            int parallelism, boolean lowerExclusive, boolean upperExclusive, List<String> expected) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        KeyedStream<Order, String> left = orders(env, ORDERS).keyBy(Order::key);
        KeyedStream<Payment, String> right = payments(env, PAYMENTS).keyBy(Payment::key);

        KeyedStream.IntervalJoined<Order, Payment, String> joined =
                left.intervalJoin(right).between(Duration.ofMillis(-2), Duration.ofMillis(3));
        if (lowerExclusive) {
            joined.lowerBoundExclusive();
        }
        if (upperExclusive) {
            joined.upperBoundExclusive();
        }
        SingleOutputStreamOperator<String> result = joined.process(new Describe());
        SubtaskSink<String> main = new SubtaskSink<>();
        SubtaskSink<String> pairs = new SubtaskSink<>();
        result.process(new WithTimestamp()).sinkTo(main);
        result.getSideOutput(PAIRS).process(new WithTimestamp()).sinkTo(pairs);
        env.execute("interval join bounds");

        assertThat(sorted(main.all())).containsExactlyElementsOf(expected);
        List<String> expectedPairs = expected.stream()
                .map(s -> {
                    String[] f = s.split("[|@]");
                    return f[0] + "|" + f[1] + "@" + f[4];
                })
                .sorted()
                .toList();
        assertThat(sorted(pairs.all())).containsExactlyElementsOf(expectedPairs);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.joins.JoinTestData#parallelisms")
    void whenBoundsAreBothNegative_thenOnlyEarlierRightElementsMeet(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        KeyedStream<Order, String> left = orders(env, ORDERS).keyBy(Order::key);
        KeyedStream<Payment, String> right = payments(env, PAYMENTS).keyBy(Payment::key);
        SubtaskSink<String> main = new SubtaskSink<>();
        left.intervalJoin(right)
                .between(Duration.ofMillis(-3), Duration.ofMillis(-1))
                .process(new Describe())
                .process(new WithTimestamp())
                .sinkTo(main);
        env.execute("interval join negative bounds");

        // [t - 3, t - 1]: L1@10 meets R1@8 and R3@7; L2@20 meets R4@18.
        assertThat(sorted(main.all())).containsExactly("L1|R1|10|8|10@10", "L1|R3|10|7|10@10", "L2|R4|20|18|20@20");
    }

    /**
     * Watermarks decide: elements behind the join's watermark go to the late outputs, and a
     * buffered element is gone once the watermark passed its cleanup time, even for a partner
     * exactly at the bound. Gates order the two sources; the join's watermark is observed behind it.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.joins.JoinTestData#parallelisms")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void whenElementsAreBehindTheWatermark_thenTheyAreLateAndCleanedUpElementsNoLongerJoin(int parallelism)
            throws Exception {
        String run = UUID.randomUUID().toString();
        String wm20 = run + "-20";
        String wm25 = run + "-25";
        String wm45 = run + "-45";
        StreamExecutionEnvironment env = env(parallelism);

        ScriptedSource<Order> orderScript = new ScriptedSource<Order>()
                .emit(new Order("a", 10, "L1"), new Order("a", 30, "L2"))
                .awaitGate(wm25)
                .emit(new Order("a", 22, "lateL"), new Order("a", 40, "L3"));
        ScriptedSource<Payment> paymentScript = new ScriptedSource<Payment>()
                .emit(new Payment("a", 12, "R1"), new Payment("a", 20, "R2"))
                .awaitGate(wm20)
                .emit(
                        new Payment("a", 19, "lateR"),
                        new Payment("a", 30, "R3"),
                        new Payment("a", 35, "R4"),
                        new Payment("a", 45, "R5"))
                .awaitGate(wm45)
                .emit(new Payment("a", 45, "R6"));
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

        OutputTag<Order> lateOrders = new OutputTag<>("late-orders", TypeInformation.of(Order.class));
        OutputTag<Payment> latePayments = new OutputTag<>("late-payments", TypeInformation.of(Payment.class));
        SingleOutputStreamOperator<String> result = orders.keyBy(Order::key)
                .intervalJoin(payments.keyBy(Payment::key))
                .between(Duration.ZERO, Duration.ofMillis(5))
                .sideOutputLeftLateData(lateOrders)
                .sideOutputRightLateData(latePayments)
                .process(new Describe());
        SubtaskSink<String> main = new SubtaskSink<>();
        SubtaskSink<Order> lateLeft = new SubtaskSink<>();
        SubtaskSink<Payment> lateRight = new SubtaskSink<>();
        result.process(new WithTimestamp()).sinkTo(main);
        result.sinkTo(new WatermarkGateSink<String>()
                        .opening(wm20, 20)
                        .opening(wm25, 25)
                        .opening(wm45, 45))
                .setParallelism(1);
        result.getSideOutput(lateOrders).sinkTo(lateLeft);
        result.getSideOutput(latePayments).sinkTo(lateRight);
        env.execute("interval join watermarks");

        // R6@45 would fall in L3's [40, 45], but L3 was cleaned up when the watermark reached 45.
        assertThat(sorted(main.all()))
                .containsExactly("L1|R1|10|12|12@12", "L2|R3|30|30|30@30", "L2|R4|30|35|35@35", "L3|R5|40|45|45@45");
        assertThat(lateLeft.all()).containsExactly(new Order("a", 22, "lateL"));
        assertThat(lateRight.all()).containsExactly(new Payment("a", 19, "lateR"));
    }

    @Test
    void whenAnElementHasNoTimestamp_thenTheJobFailsSayingEventTimeIsNeeded() {
        StreamExecutionEnvironment env = env(1);
        KeyedStream<Order, String> left = env.fromData(new Order("a", 1, "L")).keyBy(Order::key);
        KeyedStream<Payment, String> right =
                env.fromData(new Payment("a", 1, "R")).keyBy(Payment::key);
        left.intervalJoin(right)
                .between(Duration.ZERO, Duration.ZERO)
                .process(new Describe())
                .sinkTo(new SubtaskSink<>());
        assertThatThrownBy(() -> env.execute("no timestamps"))
                .isInstanceOf(JobExecutionException.class)
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without a timestamp")
                .hasMessageContaining("WatermarkStrategy");
    }

    @Test
    void whenTheLowerBoundIsAboveTheUpperBound_thenProcessFails() {
        StreamExecutionEnvironment env = env(1);
        KeyedStream<Order, String> left = orders(env, ORDERS).keyBy(Order::key);
        KeyedStream<Payment, String> right = payments(env, PAYMENTS).keyBy(Payment::key);
        KeyedStream.IntervalJoined<Order, Payment, String> joined =
                left.intervalJoin(right).between(Duration.ofMillis(2), Duration.ofMillis(1));
        assertThatThrownBy(() -> joined.process(new Describe()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lowerBound <= upperBound");
    }

    @Test
    void whenProcessingTimeIsAsked_thenBetweenFails() {
        StreamExecutionEnvironment env = env(1);
        KeyedStream<Order, String> left = orders(env, ORDERS).keyBy(Order::key);
        KeyedStream<Payment, String> right = payments(env, PAYMENTS).keyBy(Payment::key);
        assertThatThrownBy(() -> left.intervalJoin(right).inProcessingTime().between(Duration.ZERO, Duration.ZERO))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Time-bounded stream joins are only supported in event time");
    }

    @Test
    void whenTheKeyTypesDiffer_thenProcessFails() {
        StreamExecutionEnvironment env = env(1);
        KeyedStream<Order, String> left = orders(env, ORDERS).keyBy(Order::key);
        @SuppressWarnings({"unchecked", "rawtypes"})
        KeyedStream<Payment, String> right =
                (KeyedStream) payments(env, PAYMENTS).keyBy(Payment::ts);
        KeyedStream.IntervalJoined<Order, Payment, String> joined =
                left.intervalJoin(right).between(Duration.ZERO, Duration.ZERO);
        assertThatThrownBy(() -> joined.process(new Describe()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same type");
    }
}
