package io.sluice.runtime.e2e.api;

import static io.sluice.runtime.e2e.api.E2e.drain;
import static io.sluice.runtime.e2e.api.E2e.env;
import static io.sluice.runtime.e2e.api.E2e.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.accumulators.LongCounter;
import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.FlatMapFunction;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.OpenContext;
import io.sluice.api.functions.ProcessFunction;
import io.sluice.api.functions.RichFilterFunction;
import io.sluice.api.functions.RichMapFunction;
import io.sluice.api.functions.TimerService;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** map, flatMap, filter, process, keyed process, reduce and rich-function life cycles, end to end. */
class OperatorsEndToEndTest {

    /** Emits {@code value % 3} copies of each value, tagged with the element's timestamp. */
    static final class RepeatWithTimestamp extends ProcessFunction<Long, String> {
        @Override
        public void processElement(Long value, Context ctx, Collector<String> c) {
            for (int i = 0; i < value % 3; i++) {
                c.collect(value + "#" + i + "@" + ctx.timestamp());
            }
        }
    }

    /** Tries to register an event-time timer, which a non-keyed stream does not allow. */
    static final class RegisterTimer extends ProcessFunction<Long, Long> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Long> c) {
            ctx.timerService().registerEventTimeTimer(value + 1000);
        }
    }

    /** Emits (current key, value). */
    static final class EmitWithKey extends KeyedProcessFunction<Long, Long, Tuple2<Long, Long>> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple2<Long, Long>> c) {
            c.collect(Tuple2.of(ctx.getCurrentKey(), value));
        }
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void mapFlatMapFilter_produceExactlyTheComputedElements(int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        List<Long> out = drain(env.fromSequence(1, 1000)
                .map(x -> x * 3)
                .flatMap((FlatMapFunction<Long, Long>) (x, c) -> {
                    c.collect(x);
                    if (x % 2 == 0) {
                        c.collect(-x);
                    }
                })
                .returns(Types.LONG)
                .filter(x -> x % 5 != 0)
                .executeAndCollect());

        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= 1000; i++) {
            long x = i * 3;
            if (x % 5 != 0) {
                expected.add(x);
                if (x % 2 == 0) {
                    expected.add(-x);
                }
            }
        }
        assertThat(sorted(out)).isEqualTo(sorted(expected));
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void mapAtParallelismOneFromOneSource_keepsInputOrder(int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        List<String> input = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            input.add("e" + i);
        }
        List<String> out = drain(
                env.fromData(input).map(s -> s.toUpperCase()).setParallelism(1).executeAndCollect());
        assertThat(out).isEqualTo(input.stream().map(String::toUpperCase).toList());
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void processFunction_seesNullTimestampWithoutTimestampsAndEmitsAnyNumber(int parallelism, boolean chaining)
            throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        List<String> out = drain(
                env.fromSequence(0, 199).process(new RepeatWithTimestamp()).executeAndCollect());

        List<String> expected = new ArrayList<>();
        for (long v = 0; v < 200; v++) {
            for (int i = 0; i < v % 3; i++) {
                expected.add(v + "#" + i + "@null");
            }
        }
        assertThat(sorted(out)).isEqualTo(sorted(expected));
    }

    @Test
    void processFunctionOnNonKeyedStream_registeringEventTimeTimerFailsWithKeyedOnlyMessage() {
        StreamExecutionEnvironment env = env(2, true);
        env.fromSequence(0, 9).process(new RegisterTimer()).sinkTo(new SubtaskSink<>());

        assertThatThrownBy(env::execute)
                .satisfies(e -> assertThat(messagesOfChain(e))
                        .last()
                        .isEqualTo(TimerService.UNSUPPORTED_REGISTER_TIMER_MSG + " Operator: 'Process'."))
                .hasMessageContaining("java.lang.UnsupportedOperationException");
        assertThat(TimerService.UNSUPPORTED_REGISTER_TIMER_MSG)
                .isEqualTo("Setting timers is only supported on keyed streams (after keyBy).");
    }

    static List<String> messagesOfChain(Throwable t) {
        List<String> messages = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            messages.add(c.getMessage());
        }
        return messages;
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void keyedProcess_seesCurrentKeyAndEachKeysElementsInInputOrder(int parallelism, boolean chaining)
            throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        List<Long> input = new ArrayList<>();
        for (long i = 0; i < 500; i++) {
            input.add((i * 37) % 500);
        }
        List<Tuple2<Long, Long>> out = drain(
                env.fromData(input).keyBy(v -> v % 7).process(new EmitWithKey()).executeAndCollect());

        Map<Long, List<Long>> expected = new LinkedHashMap<>();
        for (long v : input) {
            expected.computeIfAbsent(v % 7, k -> new ArrayList<>()).add(v);
        }
        Map<Long, List<Long>> actual = new LinkedHashMap<>();
        for (Tuple2<Long, Long> t : out) {
            actual.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(t.f1);
        }
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void reduce_emitsRollingAggregatePerKeyInInputOrder(int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        List<Tuple2<String, Long>> input = new ArrayList<>();
        for (long i = 0; i < 400; i++) {
            input.add(Tuple2.of("k" + (i % 5), i));
        }
        List<Tuple2<String, Long>> out = drain(env.fromData(input)
                .keyBy(t -> t.f0)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 * 2 % 1_000_003 + b.f1))
                .executeAndCollect());

        Map<String, List<Long>> expected = new LinkedHashMap<>();
        Map<String, Long> acc = new LinkedHashMap<>();
        for (Tuple2<String, Long> t : input) {
            Long prev = acc.get(t.f0);
            long next = prev == null ? t.f1 : prev * 2 % 1_000_003 + t.f1;
            acc.put(t.f0, next);
            expected.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(next);
        }
        Map<String, List<Long>> actual = new LinkedHashMap<>();
        for (Tuple2<String, Long> t : out) {
            actual.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(t.f1);
        }
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    // ------------------------------------------------------------------ rich functions

    /** Life-cycle events of rich functions, per test run (the cluster runs in this JVM). */
    static final Map<String, Queue<String>> EVENTS = new ConcurrentHashMap<>();

    /** Records open/close with its runtime context, and counts elements with an accumulator. */
    static final class LifecycleMap extends RichMapFunction<Long, Long> {
        private final String run;
        private LongCounter counter;

        LifecycleMap(String run) {
            this.run = run;
        }

        @Override
        public void open(OpenContext openContext) {
            var ctx = getRuntimeContext();
            EVENTS.get(run)
                    .add("open " + ctx.getIndexOfThisSubtask() + "/" + ctx.getNumberOfParallelSubtasks() + " "
                            + ctx.getTaskName());
            counter = ctx.getLongCounter("mapped");
        }

        @Override
        public Long map(Long value) {
            counter.add(1L);
            return value;
        }

        @Override
        public void close() {
            EVENTS.get(run).add("close " + getRuntimeContext().getIndexOfThisSubtask());
        }
    }

    /** Registers its own accumulator with addAccumulator and adds the values it lets through. */
    static final class SummingFilter extends RichFilterFunction<Long> {
        private final LongCounter kept = new LongCounter();

        @Override
        public void open(OpenContext openContext) {
            getRuntimeContext().addAccumulator("keptSum", kept);
        }

        @Override
        public boolean filter(Long value) {
            if (value % 2 == 0) {
                kept.add(value);
                return true;
            }
            return false;
        }
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void richFunctions_openAndCloseOncePerSubtaskWithRuntimeContextAndSummedAccumulators(
            int parallelism, boolean chaining) throws Exception {
        String run = UUID.randomUUID().toString();
        EVENTS.put(run, new ConcurrentLinkedQueue<>());
        StreamExecutionEnvironment env = env(parallelism, chaining);
        env.fromSequence(1, 1000)
                .map(new LifecycleMap(run))
                .name("Lifecycle")
                .filter(new SummingFilter())
                .sinkTo(new SubtaskSink<>());
        JobExecutionResult result = env.execute("rich");

        String taskName =
                chaining ? "Source: Sequence Source -> Lifecycle -> Filter -> Sink: SubtaskSink" : "Lifecycle";
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            expected.add("open " + i + "/" + parallelism + " " + taskName);
            expected.add("close " + i);
        }
        assertThat(sorted(EVENTS.remove(run))).isEqualTo(sorted(expected));
        assertThat(result.<Long>getAccumulatorResult("mapped")).isEqualTo(1000L);
        assertThat(result.<Long>getAccumulatorResult("keptSum")).isEqualTo(250500L);
    }
}
