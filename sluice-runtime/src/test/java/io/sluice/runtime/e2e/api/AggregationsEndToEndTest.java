package io.sluice.runtime.e2e.api;

import static io.sluice.runtime.e2e.api.E2e.env;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.datastream.KeyedStream;
import io.sluice.api.datastream.SingleOutputStreamOperator;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.tuple.Tuple3;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rolling field aggregations (sum, min, max, minBy, maxBy) by position on tuples and by name on
 * POJOs and records. The input comes from one source subtask, so each key's aggregates arrive in
 * input order; the expected sequence per key is computed here by a model of each aggregation.
 */
class AggregationsEndToEndTest {

    /** A POJO with public fields. */
    public static class Trade {
        public String symbol;
        public int qty;
        public long seq;

        public Trade() {}

        public Trade(String symbol, int qty, long seq) {
            this.symbol = symbol;
            this.qty = qty;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Trade t && t.symbol.equals(symbol) && t.qty == qty && t.seq == seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(symbol, qty, seq);
        }

        @Override
        public String toString() {
            return "Trade(" + symbol + "," + qty + "," + seq + ")";
        }
    }

    /** A POJO with private fields behind getters and setters. */
    public static class Reading {
        private String sensor;
        private double value;
        private int seq;

        public Reading() {}

        public Reading(String sensor, double value, int seq) {
            this.sensor = sensor;
            this.value = value;
            this.seq = seq;
        }

        public String getSensor() {
            return sensor;
        }

        public void setSensor(String sensor) {
            this.sensor = sensor;
        }

        public double getValue() {
            return value;
        }

        public void setValue(double value) {
            this.value = value;
        }

        public int getSeq() {
            return seq;
        }

        public void setSeq(int seq) {
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reading r && r.sensor.equals(sensor) && r.value == value && r.seq == seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sensor, value, seq);
        }

        @Override
        public String toString() {
            return "Reading(" + sensor + "," + value + "," + seq + ")";
        }
    }

    /** A Java record. */
    public record Order(String customer, long amount, int seq) {}

    enum Agg {
        SUM,
        MIN,
        MAX,
        MIN_BY,
        MIN_BY_LAST,
        MAX_BY,
        MAX_BY_LAST
    }

    /**
     * The model: the state starts as the key's first element; SUM/MIN/MAX replace only the field
     * in it (the other fields stay those of the first element); *_BY replace the whole element when
     * the new field value is strictly better, or also when equal for the "last" variants.
     */
    static <T> Map<Object, List<T>> model(
            List<T> input, Function<T, Object> key, Agg agg, Function<T, Double> field, BiFunction<T, Double, T> set) {
        Map<Object, T> state = new LinkedHashMap<>();
        Map<Object, List<T>> out = new LinkedHashMap<>();
        for (T e : input) {
            Object k = key.apply(e);
            T cur = state.get(k);
            T next;
            if (cur == null) {
                next = e;
            } else {
                double c = field.apply(cur);
                double n = field.apply(e);
                next = switch (agg) {
                    case SUM -> set.apply(cur, c + n);
                    case MIN -> n < c ? set.apply(cur, n) : cur;
                    case MAX -> n > c ? set.apply(cur, n) : cur;
                    case MIN_BY -> n < c ? e : cur;
                    case MIN_BY_LAST -> n <= c ? e : cur;
                    case MAX_BY -> n > c ? e : cur;
                    case MAX_BY_LAST -> n >= c ? e : cur;
                };
            }
            state.put(k, next);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(next);
        }
        return out;
    }

    /**
     * Runs all seven aggregations of one keyed stream in one job (one sink each) and compares each
     * key's output sequence with the model's.
     */
    static <T> void runAndCompare(
            StreamExecutionEnvironment env,
            KeyedStream<T, ?> keyed,
            Function<Agg, SingleOutputStreamOperator<T>> aggregation,
            List<T> input,
            Function<T, Object> key,
            Function<T, Double> field,
            BiFunction<T, Double, T> set)
            throws Exception {
        Map<Agg, SubtaskSink<T>> sinks = new EnumMap<>(Agg.class);
        for (Agg agg : Agg.values()) {
            SubtaskSink<T> sink = new SubtaskSink<>();
            aggregation.apply(agg).sinkTo(sink);
            sinks.put(agg, sink);
        }
        env.execute("aggregations");
        for (Agg agg : Agg.values()) {
            List<T> out = new ArrayList<>();
            sinks.get(agg).bySubtask().values().forEach(out::addAll);
            assertThat(byKey(out, key))
                    .as(agg.name())
                    .containsExactlyInAnyOrderEntriesOf(model(input, key, agg, field, set));
        }
    }

    static <T> SingleOutputStreamOperator<T> apply(KeyedStream<T, ?> keyed, Agg agg, int pos) {
        return switch (agg) {
            case SUM -> keyed.sum(pos);
            case MIN -> keyed.min(pos);
            case MAX -> keyed.max(pos);
            case MIN_BY -> keyed.minBy(pos);
            case MIN_BY_LAST -> keyed.minBy(pos, false);
            case MAX_BY -> keyed.maxBy(pos);
            case MAX_BY_LAST -> keyed.maxBy(pos, false);
        };
    }

    static <T> SingleOutputStreamOperator<T> apply(KeyedStream<T, ?> keyed, Agg agg, String field) {
        return switch (agg) {
            case SUM -> keyed.sum(field);
            case MIN -> keyed.min(field);
            case MAX -> keyed.max(field);
            case MIN_BY -> keyed.minBy(field);
            case MIN_BY_LAST -> keyed.minBy(field, false);
            case MAX_BY -> keyed.maxBy(field);
            case MAX_BY_LAST -> keyed.maxBy(field, false);
        };
    }

    static <T> Map<Object, List<T>> byKey(List<T> out, Function<T, Object> key) {
        Map<Object, List<T>> m = new LinkedHashMap<>();
        for (T t : out) {
            m.computeIfAbsent(key.apply(t), x -> new ArrayList<>()).add(t);
        }
        return m;
    }

    /** Values with many ties, so first/last variants differ, over 3 keys. */
    static int valueAt(int i) {
        return (i * 7919) % 13 - 6;
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void tuple3ByPosition_rollingAggregatesMatchModel(int parallelism, boolean chaining) throws Exception {
        List<Tuple3<String, Integer, Long>> input = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            input.add(Tuple3.of("k" + (i % 3), valueAt(i), (long) i));
        }
        StreamExecutionEnvironment env = env(parallelism, chaining);
        KeyedStream<Tuple3<String, Integer, Long>, String> keyed =
                env.fromData(input).keyBy(t -> t.f0);
        runAndCompare(
                env,
                keyed,
                agg -> apply(keyed, agg, 1),
                input,
                t -> t.f0,
                t -> (double) t.f1,
                (t, v) -> Tuple3.of(t.f0, (int) (double) v, t.f2));
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void tuple2ByPosition_rollingAggregatesMatchModel(int parallelism, boolean chaining) throws Exception {
        List<Tuple2<Integer, Long>> input = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            input.add(Tuple2.of(i % 4, (long) valueAt(i)));
        }
        StreamExecutionEnvironment env = env(parallelism, chaining);
        KeyedStream<Tuple2<Integer, Long>, Integer> keyed = env.fromData(input).keyBy(t -> t.f0);
        runAndCompare(
                env,
                keyed,
                agg -> apply(keyed, agg, 1),
                input,
                t -> t.f0,
                t -> (double) t.f1,
                (t, v) -> Tuple2.of(t.f0, (long) (double) v));
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void publicFieldPojoByName_rollingAggregatesMatchModel(int parallelism, boolean chaining) throws Exception {
        List<Trade> input = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            input.add(new Trade("s" + (i % 3), valueAt(i), i));
        }
        StreamExecutionEnvironment env = env(parallelism, chaining);
        KeyedStream<Trade, String> keyed = env.fromData(input).keyBy(t -> t.symbol);
        runAndCompare(
                env,
                keyed,
                agg -> apply(keyed, agg, "qty"),
                input,
                t -> t.symbol,
                t -> (double) t.qty,
                (t, v) -> new Trade(t.symbol, (int) (double) v, t.seq));
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void getterSetterPojoByName_rollingAggregatesMatchModel(int parallelism, boolean chaining) throws Exception {
        List<Reading> input = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            input.add(new Reading("r" + (i % 3), valueAt(i) * 0.5, i));
        }
        StreamExecutionEnvironment env = env(parallelism, chaining);
        KeyedStream<Reading, String> keyed = env.fromData(input).keyBy(Reading::getSensor);
        runAndCompare(
                env,
                keyed,
                agg -> apply(keyed, agg, "value"),
                input,
                Reading::getSensor,
                Reading::getValue,
                (t, v) -> new Reading(t.getSensor(), v, t.getSeq()));
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void recordByName_rollingAggregatesMatchModel(int parallelism, boolean chaining) throws Exception {
        List<Order> input = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            input.add(new Order("c" + (i % 3), valueAt(i) * 10L, i));
        }
        StreamExecutionEnvironment env = env(parallelism, chaining);
        KeyedStream<Order, String> keyed = env.fromData(input).keyBy(Order::customer);
        runAndCompare(
                env,
                keyed,
                agg -> apply(keyed, agg, "amount"),
                input,
                Order::customer,
                o -> (double) o.amount(),
                (t, v) -> new Order(t.customer(), (long) (double) v, t.seq()));
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void plainNumbersByPositionZero_rollingSumMinMaxPerKey(int parallelism, boolean chaining) throws Exception {
        List<Long> input = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            input.add((long) valueAt(i) * 100 + i % 3);
        }
        StreamExecutionEnvironment env = env(parallelism, chaining);
        KeyedStream<Long, Long> keyed = env.fromData(input).keyBy(v -> Math.floorMod(v, 100L));
        SubtaskSink<Long> sums = new SubtaskSink<>();
        SubtaskSink<Long> mins = new SubtaskSink<>();
        keyed.sum(0).sinkTo(sums);
        keyed.min(0).sinkTo(mins);
        env.execute("numbers");

        Map<Long, List<Long>> expectedSums = new LinkedHashMap<>();
        Map<Long, List<Long>> expectedMins = new LinkedHashMap<>();
        Map<Long, Long> sum = new LinkedHashMap<>();
        Map<Long, Long> min = new LinkedHashMap<>();
        for (long v : input) {
            long k = Math.floorMod(v, 100L);
            expectedSums.computeIfAbsent(k, x -> new ArrayList<>()).add(sum.merge(k, v, Long::sum));
            expectedMins.computeIfAbsent(k, x -> new ArrayList<>()).add(min.merge(k, v, Math::min));
        }
        // A sum does not tell its key, so sums are compared as a multiset; a minimum is one of the
        // key's values and keeps its residue, so minimums are compared per key in order.
        List<Long> allSums = new ArrayList<>();
        expectedSums.values().forEach(allSums::addAll);
        assertThat(E2e.sorted(sums.all())).isEqualTo(E2e.sorted(allSums));
        Map<Long, List<Long>> minsByKey = new LinkedHashMap<>();
        for (List<Long> values : mins.bySubtask().values()) {
            for (long v : values) {
                minsByKey
                        .computeIfAbsent(Math.floorMod(v, 100L), x -> new ArrayList<>())
                        .add(v);
            }
        }
        assertThat(minsByKey).containsExactlyInAnyOrderEntriesOf(expectedMins);
    }
}
