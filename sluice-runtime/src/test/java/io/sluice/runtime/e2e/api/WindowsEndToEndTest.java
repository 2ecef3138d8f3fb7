package io.sluice.runtime.e2e.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.connector.source.lib.FromElementsSource;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.datastream.KeyedStream;
import io.sluice.api.datastream.SingleOutputStreamOperator;
import io.sluice.api.datastream.WindowedStream;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.ProcessFunction;
import io.sluice.api.functions.windowing.AllWindowFunction;
import io.sluice.api.functions.windowing.ProcessAllWindowFunction;
import io.sluice.api.functions.windowing.ProcessWindowFunction;
import io.sluice.api.functions.windowing.WindowFunction;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.typeutils.base.StringSerializer;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import io.sluice.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keyed windows and windowAll on a cluster, at parallelism 1 and 4 with the same results. Events
 * are "key,timestamp,value" strings from one source subtask, mapped to (key, value) with the
 * timestamp on the record; results are printed as "result@timestamp" and compared as sorted lists.
 */
class WindowsEndToEndTest {
    static final TypeInformation<Tuple2<String, Integer>> KV = Types.TUPLE(Types.STRING, Types.INT);
    static final OutputTag<Tuple2<String, Integer>> LATE = new OutputTag<>("late", KV);

    static Stream<Arguments> parallelism() {
        return Stream.of(Arguments.of(1), Arguments.of(4));
    }

    static long timestampOf(String event) {
        return Long.parseLong(event.split(",")[1]);
    }

    /** A watermark after every element: the highest timestamp so far (the source drops non-increasing ones). */
    static final class Punctuated implements WatermarkGenerator<String> {
        @Override
        public void onEvent(String event, long eventTimestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(eventTimestamp));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    static WatermarkStrategy<String> punctuated() {
        return WatermarkStrategy.<String>forGenerator(ctx -> new Punctuated())
                .withTimestampAssigner((e, ts) -> timestampOf(e));
    }

    static WatermarkStrategy<String> boundedOutOfOrderness(Duration bound) {
        return WatermarkStrategy.<String>forBoundedOutOfOrderness(bound)
                .withTimestampAssigner((e, ts) -> timestampOf(e));
    }

    /** The events as (key, value), from one source subtask in the given order, the window operators at {@code parallelism}. */
    static KeyedStream<Tuple2<String, Integer>, String> keyed(
            StreamExecutionEnvironment env, List<String> events, WatermarkStrategy<String> strategy) {
        return input(env, events, strategy).keyBy(t -> t.f0, Types.STRING);
    }

    static DataStream<Tuple2<String, Integer>> input(
            StreamExecutionEnvironment env, List<String> events, WatermarkStrategy<String> strategy) {
        return env.fromSource(
                        new FromElementsSource<>(new StringSerializer(), events), strategy, "events", Types.STRING)
                .setParallelism(1)
                .map(
                        e -> {
                            String[] parts = e.split(",");
                            return Tuple2.of(parts[0], Integer.parseInt(parts[2]));
                        },
                        KV)
                // one subtask up to the keyBy, so the window operators see the source's order
                .setParallelism(1);
    }

    /** Appends the record's timestamp: "value@timestamp". */
    static final class WithTimestamp<T> extends ProcessFunction<T, String> {
        @Override
        public void processElement(T value, Context ctx, Collector<String> out) {
            out.collect(value + "@" + ctx.timestamp());
        }
    }

    static <T> List<String> run(StreamExecutionEnvironment env, DataStream<T> results) throws Exception {
        SubtaskSink<String> sink = new SubtaskSink<>();
        results.process(new WithTimestamp<>(), Types.STRING).sinkTo(sink);
        env.execute("windows");
        return E2e.sorted(sink.all());
    }

    // ------------------------------------------------------------------ shuffled, bounded out-of-orderness

    static final int EVENTS = 300;
    static final long SIZE = 100;

    /** EVENTS events over keys k0..k4 with timestamps in [0, 1000), in a shuffled (seeded) order. */
    static List<String> shuffledEvents() {
        Random random = new Random(42);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add("k" + (i % 5) + "," + random.nextInt(1000) + "," + i);
        }
        Collections.shuffle(events, new Random(7));
        return events;
    }

    /** (key, window start) -> values, computed directly. */
    static Map<String, List<Integer>> expectedWindows(List<String> events) {
        Map<String, List<Integer>> windows = new TreeMap<>();
        for (String e : events) {
            String[] p = e.split(",");
            long start = Long.parseLong(p[1]) / SIZE * SIZE;
            windows.computeIfAbsent(p[0] + "|" + start, k -> new ArrayList<>()).add(Integer.parseInt(p[2]));
        }
        return windows;
    }

    static List<String> expected(java.util.function.BiFunction<String, List<Integer>, String> describe) {
        List<String> result = new ArrayList<>();
        expectedWindows(shuffledEvents()).forEach((kw, values) -> {
            String key = kw.substring(0, kw.indexOf('|'));
            long start = Long.parseLong(kw.substring(kw.indexOf('|') + 1));
            result.add(describe.apply(key + "|" + start, values) + "@" + (start + SIZE - 1));
        });
        return E2e.sorted(result);
    }

    static int sum(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).sum();
    }

    static KeyedStream<Tuple2<String, Integer>, String> shuffledInput(StreamExecutionEnvironment env) {
        // the bound covers the whole time range, so no element is late however the periodic watermarks fall
        return keyed(env, shuffledEvents(), boundedOutOfOrderness(Duration.ofMillis(1000)));
    }

    static StreamExecutionEnvironment env(int parallelism) {
        return E2e.env(parallelism, true);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void tumblingReduce_shuffledInput(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        List<String> out = run(
                env,
                shuffledInput(env)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                        .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)));
        assertThat(out).isEqualTo(expected((kw, v) -> "(" + kw.substring(0, kw.indexOf('|')) + "," + sum(v) + ")"));
    }

    /** Count and sum as "count/sum". */
    static final class CountAndSum implements AggregateFunction<Tuple2<String, Integer>, long[], String> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Tuple2<String, Integer> value, long[] acc) {
            acc[0]++;
            acc[1] += value.f1;
            return acc;
        }

        @Override
        public String getResult(long[] acc) {
            return acc[0] + "/" + acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            a[1] += b[1];
            return a;
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void tumblingAggregate_shuffledInput(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        List<String> out = run(
                env,
                shuffledInput(env)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                        .aggregate(new CountAndSum()));
        assertThat(out).isEqualTo(expected((kw, v) -> v.size() + "/" + sum(v)));
    }

    /** "key [start,end) count sum" per window. */
    static final class Describe extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        @Override
        public void process(
                String key, Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<String> out) {
            int count = 0;
            int sum = 0;
            for (Tuple2<String, Integer> e : elements) {
                count++;
                sum += e.f1;
            }
            out.collect(
                    key + " [" + ctx.window().getStart() + "," + ctx.window().getEnd() + ") " + count + " " + sum);
        }
    }

    static String describe(String kw, List<Integer> values) {
        String key = kw.substring(0, kw.indexOf('|'));
        long start = Long.parseLong(kw.substring(kw.indexOf('|') + 1));
        return key + " [" + start + "," + (start + SIZE) + ") " + values.size() + " " + sum(values);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void tumblingProcess_shuffledInput(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        List<String> out = run(
                env,
                shuffledInput(env)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                        .process(new Describe()));
        assertThat(out).isEqualTo(expected(WindowsEndToEndTest::describe));
    }

    /** The reduced element of a window, with its key and window start: "key start sum". */
    static final class ReducedWithWindow
            extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        @Override
        public void process(
                String key, Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<String> out) {
            List<Tuple2<String, Integer>> all = new ArrayList<>();
            elements.forEach(all::add);
            out.collect(key + " " + ctx.window().getStart() + " " + all);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void tumblingReduceWithProcessWindowFunction_shuffledInput(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        List<String> out = run(
                env,
                shuffledInput(env)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                        .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1), new ReducedWithWindow()));
        assertThat(out).isEqualTo(expected((kw, v) -> {
            String key = kw.substring(0, kw.indexOf('|'));
            return key + " " + kw.substring(kw.indexOf('|') + 1) + " [(" + key + "," + sum(v) + ")]";
        }));
    }

    /** "key start aggregate" from the one pre-aggregated value. */
    static final class AggregateWithWindow implements WindowFunction<String, String, String, TimeWindow> {
        @Override
        public void apply(String key, TimeWindow window, Iterable<String> input, Collector<String> out) {
            List<String> all = new ArrayList<>();
            input.forEach(all::add);
            out.collect(key + " " + window.getStart() + " " + all);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void tumblingAggregateWithWindowFunction_shuffledInput(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        List<String> out = run(
                env,
                shuffledInput(env)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                        .aggregate(new CountAndSum(), new AggregateWithWindow()));
        assertThat(out)
                .isEqualTo(expected((kw, v) -> kw.substring(0, kw.indexOf('|')) + " "
                        + kw.substring(kw.indexOf('|') + 1) + " [" + v.size() + "/" + sum(v) + "]"));
    }

    // ------------------------------------------------------------------ late elements (punctuated watermarks)

    /**
     * The watermark follows each element's timestamp. a,3 arrives after the watermark reached 12
     * (window [0,10) fired at 9); a,2 arrives after the watermark reached 15.
     */
    static final List<String> LATE_EVENTS =
            List.of("a,1,1", "a,5,2", "b,7,3", "a,12,4", "a,3,5", "b,15,6", "a,2,10", "a,25,7");

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void whenLateRecordsArrive_withoutSideOutput_thenTheyAreDropped(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        List<String> out = run(
                env,
                keyed(env, LATE_EVENTS, punctuated())
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                        .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)));
        assertThat(out).containsExactly("(a,3)@9", "(a,4)@19", "(a,7)@29", "(b,3)@9", "(b,6)@19");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void whenLateRecordsArrive_thenTheyGoToTheSideOutput(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        SingleOutputStreamOperator<Tuple2<String, Integer>> windowed = keyed(env, LATE_EVENTS, punctuated())
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .sideOutputLateData(LATE)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1));
        SubtaskSink<String> lateSink = new SubtaskSink<>();
        windowed.getSideOutput(LATE)
                .process(new WithTimestamp<>(), Types.STRING)
                .sinkTo(lateSink);
        List<String> out = run(env, windowed);
        assertThat(out).containsExactly("(a,3)@9", "(a,4)@19", "(a,7)@29", "(b,3)@9", "(b,6)@19");
        assertThat(E2e.sorted(lateSink.all())).containsExactly("(a,10)@2", "(a,5)@3");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void withinAllowedLateness_aLateRecordRefiresItsWindow_afterItGoesToTheSideOutput(int parallelism)
            throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        SingleOutputStreamOperator<Tuple2<String, Integer>> windowed = keyed(env, LATE_EVENTS, punctuated())
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(5))
                .sideOutputLateData(LATE)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1));
        SubtaskSink<String> lateSink = new SubtaskSink<>();
        windowed.getSideOutput(LATE)
                .process(new WithTimestamp<>(), Types.STRING)
                .sinkTo(lateSink);
        SubtaskSink<String> sink = new SubtaskSink<>();
        windowed.process(new WithTimestamp<>(), Types.STRING).sinkTo(sink);
        env.execute("allowed lateness");
        // a's window [0,10) fires at watermark 12 with 1+2, again when a,3 arrives (watermark 12 < cleanup 14)
        List<String> aResults = new ArrayList<>();
        for (List<String> subtask : sink.bySubtask().values()) {
            subtask.stream().filter(s -> s.startsWith("(a,")).forEach(aResults::add);
        }
        assertThat(aResults).containsExactly("(a,3)@9", "(a,8)@9", "(a,4)@19", "(a,7)@29");
        assertThat(E2e.sorted(sink.all()))
                .containsExactly("(a,3)@9", "(a,4)@19", "(a,7)@29", "(a,8)@9", "(b,3)@9", "(b,6)@19");
        assertThat(lateSink.all()).containsExactly("(a,10)@2");
    }

    /** Counts firings per window (window state) and per key (global state); clear() drops the window's. */
    static final class FiringCounter
            extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, TimeWindow> {
        private final ValueStateDescriptor<Integer> perWindow = new ValueStateDescriptor<>("fires", Types.INT);
        private final ValueStateDescriptor<Integer> perKey = new ValueStateDescriptor<>("total", Types.INT);

        @Override
        public void process(String key, Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<String> out)
                throws Exception {
            ValueState<Integer> fires = ctx.windowState().getState(perWindow);
            ValueState<Integer> total = ctx.globalState().getState(perKey);
            fires.update(fires.value() == null ? 1 : fires.value() + 1);
            total.update(total.value() == null ? 1 : total.value() + 1);
            int size = 0;
            for (Tuple2<String, Integer> ignored : elements) {
                size++;
            }
            out.collect(key + " " + ctx.window().getStart() + " fires=" + fires.value() + " total=" + total.value()
                    + " size=" + size);
        }

        @Override
        public void clear(Context ctx) {
            ctx.windowState().getState(perWindow).clear();
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void processWindowFunction_perWindowAndGlobalState(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        List<String> out = run(
                env,
                keyed(env, LATE_EVENTS, punctuated())
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                        .allowedLateness(Duration.ofMillis(5))
                        .process(new FiringCounter()));
        assertThat(out)
                .containsExactly(
                        "a 0 fires=1 total=1 size=2@9",
                        "a 0 fires=2 total=2 size=3@9",
                        "a 10 fires=1 total=3 size=1@19",
                        "a 20 fires=1 total=4 size=1@29",
                        "b 0 fires=1 total=1 size=1@9",
                        "b 10 fires=1 total=2 size=1@19");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void sessionWindows_mergeAcrossElements(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        List<String> events = List.of("a,0,1", "b,0,1", "a,5,2", "b,20,2", "a,30,4", "b,10,4", "c,100,9");
        List<String> out = run(
                env,
                keyed(env, events, boundedOutOfOrderness(Duration.ofMillis(1000)))
                        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
                        .process(new Describe()));
        assertThat(out)
                .containsExactly("a [0,15) 2 3@14", "a [30,40) 1 4@39", "b [0,30) 3 7@29", "c [100,110) 1 9@109");
    }

    // ------------------------------------------------------------------ count windows and windowAll

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void countWindow_firesEveryNElementsPerKey(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            events.add("a," + i + "," + i);
            events.add("b," + i + "," + 10 * i);
        }
        List<String> out = run(
                env, keyed(env, events, punctuated()).countWindow(3).reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)));
        assertThat(out)
                .containsExactly(
                        "(a,15)@" + Long.MAX_VALUE, "(a,6)@" + Long.MAX_VALUE,
                        "(b,150)@" + Long.MAX_VALUE, "(b,60)@" + Long.MAX_VALUE);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void slidingCountWindow_evaluatesTheLastNEverySlideElements(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            events.add("a," + i + "," + i);
        }
        List<String> out = run(
                env, keyed(env, events, punctuated()).countWindow(3, 2).reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)));
        assertThat(out)
                .containsExactly("(a,15)@" + Long.MAX_VALUE, "(a,3)@" + Long.MAX_VALUE, "(a,9)@" + Long.MAX_VALUE);
    }

    /** "[start,end) count sum" over all keys. */
    static final class DescribeAll extends ProcessAllWindowFunction<Tuple2<String, Integer>, String, TimeWindow> {
        @Override
        public void process(Context ctx, Iterable<Tuple2<String, Integer>> elements, Collector<String> out) {
            int count = 0;
            int sum = 0;
            for (Tuple2<String, Integer> e : elements) {
                count++;
                sum += e.f1;
            }
            out.collect("[" + ctx.window().getStart() + "," + ctx.window().getEnd() + ") " + count + " " + sum);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void windowAll_overAllKeys_runsInOneSubtask(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        DataStream<Tuple2<String, Integer>> in =
                input(env, shuffledEvents(), boundedOutOfOrderness(Duration.ofMillis(1000)));
        SingleOutputStreamOperator<String> all = in.windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .process(new DescribeAll());
        assertThat(all.getParallelism()).isEqualTo(1);
        List<String> out = run(env, all);
        Map<Long, List<Integer>> byWindow = new TreeMap<>();
        for (String e : shuffledEvents()) {
            String[] p = e.split(",");
            byWindow.computeIfAbsent(Long.parseLong(p[1]) / SIZE * SIZE, k -> new ArrayList<>())
                    .add(Integer.parseInt(p[2]));
        }
        List<String> expected = new ArrayList<>();
        byWindow.forEach((start, v) -> expected.add(
                "[" + start + "," + (start + SIZE) + ") " + v.size() + " " + sum(v) + "@" + (start + SIZE - 1)));
        assertThat(out).isEqualTo(E2e.sorted(expected));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void countWindowAll_reduce(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            events.add("k" + (i % 3) + "," + i + "," + i);
        }
        List<String> out = run(
                env,
                input(env, events, punctuated()).countWindowAll(4).reduce((a, b) -> Tuple2.of("all", a.f1 + b.f1)));
        assertThat(out).containsExactly("(all,10)@" + Long.MAX_VALUE, "(all,26)@" + Long.MAX_VALUE);
    }

    static final class CountAll implements AllWindowFunction<Tuple2<String, Integer>, String, TimeWindow> {
        @Override
        public void apply(TimeWindow window, Iterable<Tuple2<String, Integer>> values, Collector<String> out) {
            int n = 0;
            for (Tuple2<String, Integer> ignored : values) {
                n++;
            }
            out.collect("apply " + window.getStart() + " " + n);
        }
    }

    static final class DescribeAggregateAll extends ProcessAllWindowFunction<String, String, TimeWindow> {
        @Override
        public void process(Context ctx, Iterable<String> elements, Collector<String> out) {
            out.collect("aggregate " + ctx.window().getStart() + " "
                    + elements.iterator().next());
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void windowAll_applyAndAggregateWithProcessAllWindowFunction(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        DataStream<Tuple2<String, Integer>> in = input(env, LATE_EVENTS, punctuated());
        AllWindowFunction<Tuple2<String, Integer>, String, TimeWindow> count = new CountAll();
        SingleOutputStreamOperator<String> applied = in.windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(5))
                .apply(count, Types.STRING);
        SingleOutputStreamOperator<String> aggregated = in.windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .aggregate(new CountAndSum(), new DescribeAggregateAll());
        List<String> out = run(env, applied.union(aggregated));
        // [0,10) fires at watermark 12 with a,1 a,5 b,7; a,3 re-fires it (lateness 5); a,2 comes after cleanup
        assertThat(out)
                .containsExactly(
                        "aggregate 0 3/6@9",
                        "aggregate 10 2/10@19",
                        "aggregate 20 1/7@29",
                        "apply 0 3@9",
                        "apply 0 4@9",
                        "apply 10 2@19",
                        "apply 20 1@29");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void tumblingReduce_fromDataWithAssignTimestampsAndWatermarks(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        DataStream<Tuple2<String, Integer>> in = env.fromData(shuffledEvents(), Types.STRING)
                .assignTimestampsAndWatermarks(boundedOutOfOrderness(Duration.ofMillis(1000)))
                .map(
                        e -> {
                            String[] parts = e.split(",");
                            return Tuple2.of(parts[0], Integer.parseInt(parts[2]));
                        },
                        KV);
        List<String> out = run(
                env,
                in.keyBy(t -> t.f0, Types.STRING)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                        .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)));
        assertThat(out).isEqualTo(expected((kw, v) -> "(" + kw.substring(0, kw.indexOf('|')) + "," + sum(v) + ")"));
    }

    // ------------------------------------------------------------------ field aggregations on windows

    /** Two keys over two 10 ms windows, in timestamp order (punctuated watermarks). */
    static final List<String> FIELD_EVENTS =
            List.of("a,1,5", "a,2,3", "a,3,9", "b,4,7", "b,5,7", "a,12,1", "b,13,2", "a,14,4");

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void fieldAggregationsPerWindow(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        TumblingEventTimeWindows tenMillis = TumblingEventTimeWindows.of(Duration.ofMillis(10));
        KeyedStream<Tuple2<String, Integer>, String> keyed = keyed(env, FIELD_EVENTS, punctuated());
        DataStream<String> all = input(env, FIELD_EVENTS, punctuated())
                .windowAll(tenMillis)
                .sum(1)
                .process(new WithTimestamp<>(), Types.STRING)
                .map(v -> "all " + v, Types.STRING);
        for (String op : List.of("sum", "min", "max", "minBy", "maxBy")) {
            WindowedStream<Tuple2<String, Integer>, String, TimeWindow> windowed = keyed.window(tenMillis);
            DataStream<Tuple2<String, Integer>> result =
                    switch (op) {
                        case "sum" -> windowed.sum(1);
                        case "min" -> windowed.min("f1");
                        case "max" -> windowed.max(1);
                        case "minBy" -> windowed.minBy(1);
                        default -> windowed.maxBy("f1", false);
                    };
            all = all.union(result.process(new WithTimestamp<>(), Types.STRING).map(v -> op + " " + v, Types.STRING));
        }
        SubtaskSink<String> sink = new SubtaskSink<>();
        all.sinkTo(sink);
        env.execute("field aggregations");
        assertThat(E2e.sorted(sink.all()))
                .isEqualTo(E2e.sorted(List.of(
                        "sum (a,17)@9",
                        "sum (b,14)@9",
                        "sum (a,5)@19",
                        "sum (b,2)@19",
                        "min (a,3)@9",
                        "min (b,7)@9",
                        "min (a,1)@19",
                        "min (b,2)@19",
                        "max (a,9)@9",
                        "max (b,7)@9",
                        "max (a,4)@19",
                        "max (b,2)@19",
                        "minBy (a,3)@9",
                        "minBy (b,7)@9",
                        "minBy (a,1)@19",
                        "minBy (b,2)@19",
                        "maxBy (a,9)@9",
                        "maxBy (b,7)@9",
                        "maxBy (a,4)@19",
                        "maxBy (b,2)@19",
                        // windowAll: the other fields are the window's first element's
                        "all (a,31)@9",
                        "all (a,7)@19")));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelism")
    void fieldAggregationOnAnUnknownField_failsWhereItIsWritten(int parallelism) {
        StreamExecutionEnvironment env = env(parallelism);
        WindowedStream<Tuple2<String, Integer>, String, TimeWindow> windowed =
                keyed(env, FIELD_EVENTS, punctuated()).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)));
        assertThatThrownBy(() -> windowed.sum("price"))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("price");
    }
}
