package io.sluice.runtime.e2e.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.connector.source.lib.FromElementsSource;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.TimeDomain;
import io.sluice.api.functions.co.KeyedCoProcessFunction;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.typeutils.base.LongSerializer;
import io.sluice.api.util.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Event-time timers of keyed process functions on a cluster: they fire in timestamp order as the
 * watermark passes them, once per (key, timestamp), not when deleted, with the timer's timestamp on
 * their output; the end of a bounded input fires the rest.
 */
class TimersEndToEndTest {

    /** A watermark right after every element: its timestamp. */
    static final class Punctuated implements WatermarkGenerator<Long> {
        @Override
        public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(eventTimestamp));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    static WatermarkStrategy<Long> timestampIsValueTimesTen() {
        return WatermarkStrategy.<Long>forGenerator(ctx -> new Punctuated()).withTimestampAssigner((v, ts) -> v * 10);
    }

    /**
     * Element v (key v % 3, timestamp 10v) registers timers at 10v + 50, at 500 - 10v (later
     * elements register earlier timers, some already behind the watermark), at 1000 (the same for
     * every element of a key) and deletes its 10v + 50 timer again when v % 5 == 0.
     */
    static final class RegisterTimers extends KeyedProcessFunction<Long, Long, String> {
        @Override
        public void processElement(Long v, Context ctx, Collector<String> out) {
            long ts = ctx.timestamp();
            ctx.timerService().registerEventTimeTimer(ts + 50);
            ctx.timerService().registerEventTimeTimer(500 - ts);
            ctx.timerService().registerEventTimeTimer(1000);
            ctx.timerService().registerEventTimeTimer(1000);
            if (v % 5 == 0) {
                ctx.timerService().deleteEventTimeTimer(ts + 50);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            assertThat(ctx.timeDomain()).isEqualTo(TimeDomain.EVENT_TIME);
            assertThat(ctx.timestamp()).isEqualTo(timestamp);
            long wm = ctx.timerService().currentWatermark();
            assertThat(wm).isGreaterThanOrEqualTo(timestamp);
            out.collect(String.format("%05d k%d wm=%s", timestamp, ctx.getCurrentKey(), wm(wm)));
        }
    }

    /**
     * What the job must fire, by simulating it: per element, its registrations and delete, then its
     * watermark fires the timers at or before it; the end of input fires the rest.
     */
    static String wm(long watermark) {
        return watermark == Long.MAX_VALUE ? "max" : String.format("%05d", watermark);
    }

    static List<String> expectedTimers(long n) {
        TreeSet<String> pending = new TreeSet<>(); // "%05d k%d" sorts by time
        List<String> fired = new ArrayList<>();
        for (long v = 0; v < n; v++) {
            long ts = v * 10;
            long key = v % 3;
            pending.add(String.format("%05d k%d", ts + 50, key));
            pending.add(String.format("%05d k%d", 500 - ts, key));
            pending.add(String.format("%05d k%d", 1000, key));
            if (v % 5 == 0) {
                pending.remove(String.format("%05d k%d", ts + 50, key));
            }
            while (!pending.isEmpty() && Long.parseLong(pending.first().substring(0, 5)) <= ts) {
                fired.add(pending.pollFirst() + " wm=" + wm(ts));
            }
        }
        pending.forEach(t -> fired.add(t + " wm=max"));
        return fired;
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void eventTimeTimersFireInTimestampOrderOncePerKeyAndTimestamp(int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = E2e.env(parallelism, chaining);
        Long[] values = LongStream.range(0, 40).boxed().toArray(Long[]::new);
        SubtaskSink<String> sink = new SubtaskSink<>();
        env.fromSource(
                        new FromElementsSource<>(LongSerializer.INSTANCE, values),
                        timestampIsValueTimesTen(),
                        "values",
                        Types.LONG)
                .setParallelism(1)
                .keyBy(v -> v % 3)
                .process(new RegisterTimers())
                .sinkTo(sink);
        env.execute("timers");

        List<String> all = new ArrayList<>(sink.all());
        List<String> expected = expectedTimers(40);
        // 350 of key 0: registered by element 15, deleted by element 30; 100 of key 2: deleted by its
        // own element 5; 200 of key 0: deleted by element 15, registered again by element 30 behind
        // the watermark (290), so it fires at the next one (its own, 300)
        assertThat(expected)
                .hasSize(68)
                .noneMatch(t -> t.startsWith("00350 k0") || t.startsWith("00100 k2"))
                .contains("00200 k0 wm=00300");
        assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
        for (Map.Entry<Integer, List<String>> subtask : sink.bySubtask().entrySet()) {
            List<String> fired = subtask.getValue();
            for (int i = 1; i < fired.size(); i++) {
                String previous = fired.get(i - 1);
                String next = fired.get(i);
                // "wm=..." then the timestamp: each watermark fires its timers in timestamp order
                String previousOrder = previous.substring(previous.indexOf("wm=")) + previous.substring(0, 5);
                String nextOrder = next.substring(next.indexOf("wm=")) + next.substring(0, 5);
                assertThat(previousOrder)
                        .as("subtask %d: %s before %s", subtask.getKey(), previous, next)
                        .isLessThanOrEqualTo(nextOrder);
            }
        }
    }

    /** Input 1 registers a timer at its timestamp + 100; input 2 registers two and deletes one of them. */
    static final class CoTimers extends KeyedCoProcessFunction<Long, Long, Long, String> {
        @Override
        public void processElement1(Long v, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 100);
        }

        @Override
        public void processElement2(Long v, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 300);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 400);
            ctx.timerService().deleteEventTimeTimer(ctx.timestamp() + 400);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect("k" + ctx.getCurrentKey() + "@" + timestamp + " " + ctx.timeDomain());
        }
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void keyedCoProcessFunctionTimersFromBothInputs(int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = E2e.env(parallelism, chaining);
        Long[] registering = LongStream.range(0, 12).boxed().toArray(Long[]::new);
        Long[] deleting = {3L, 7L, 11L};
        SubtaskSink<String> sink = new SubtaskSink<>();
        env.fromSource(
                        new FromElementsSource<>(LongSerializer.INSTANCE, registering),
                        timestampIsValueTimesTen(),
                        "registering",
                        Types.LONG)
                .setParallelism(1)
                .connect(env.fromSource(
                                new FromElementsSource<>(LongSerializer.INSTANCE, deleting),
                                timestampIsValueTimesTen(),
                                "deleting",
                                Types.LONG)
                        .setParallelism(1))
                .keyBy(v -> v % 4, v -> v % 4)
                .process(new CoTimers())
                .sinkTo(sink);
        env.execute("co-timers");

        List<String> expected = new ArrayList<>();
        for (long v : registering) {
            expected.add("k" + (v % 4) + "@" + (v * 10 + 100) + " EVENT_TIME");
        }
        for (long v : deleting) {
            expected.add("k" + (v % 4) + "@" + (v * 10 + 300) + " EVENT_TIME");
        }
        assertThat(sink.all()).containsExactlyInAnyOrderElementsOf(expected);
    }
}
