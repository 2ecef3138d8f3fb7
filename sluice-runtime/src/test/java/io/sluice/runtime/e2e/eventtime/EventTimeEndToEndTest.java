package io.sluice.runtime.e2e.eventtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.common.JobClient;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.co.CoMapFunction;
import io.sluice.api.typeinfo.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Watermarks across tasks: four source subtasks feed one sink subtask through a network
 * exchange. The test decides when each source subtask emits, and waits for each expected
 * watermark before the next step, so the expected sequences are exact even though periodic
 * emission runs on wall-clock time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EventTimeEndToEndTest {
    private static final long MAX = Long.MAX_VALUE;
    private static final long WAIT_MILLIS = 60_000;

    private static StreamExecutionEnvironment env() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        env.setBufferTimeout(5);
        return env;
    }

    private static WatermarkStrategy<Long> valueIsTimestamp() {
        return WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v);
    }

    /** Polls until {@code condition} holds, running {@code meanwhile} between polls. */
    private static void await(String what, BooleanSupplier condition, Runnable meanwhile) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            meanwhile.run();
            Thread.sleep(20);
        }
    }

    private static void awaitWatermark(EventTimeSink sink, long watermark) throws InterruptedException {
        awaitWatermark(sink, watermark, () -> {});
    }

    private static void awaitWatermark(EventTimeSink sink, long watermark, Runnable meanwhile)
            throws InterruptedException {
        await(
                "watermark " + watermark + " (seen " + sink.watermarks() + ")",
                () -> sink.watermarks().contains(watermark),
                meanwhile);
    }

    @ParameterizedTest(name = "keyBy={0}")
    @ValueSource(booleans = {false, true})
    void whenFourSourceSubtasksAdvance_thenTheDownstreamTaskSeesExactlyTheirMinimum(boolean keyBy) throws Exception {
        ChannelSource source = ChannelSource.create("min-of-four-" + keyBy, 4);
        EventTimeSink sink = new EventTimeSink();
        StreamExecutionEnvironment env = env();
        DataStream<Long> stream = env.fromSource(source, valueIsTimestamp(), "Channels", Types.LONG);
        DataStream<Long> shuffled = keyBy ? stream.keyBy(v -> v % 3) : stream.rebalance();
        shuffled.sinkTo(sink).setParallelism(1);
        JobClient client = env.executeAsync("min of four");

        // each subtask's watermark is its largest value minus 1; the downstream clock is the minimum
        source.channel(2).offer(300);
        source.channel(0).offer(100);
        source.channel(3).offer(400);
        source.channel(1).offer(200);
        awaitWatermark(sink, 99);
        long[][] steps = {{0, 500, 199}, {1, 600, 299}, {2, 700, 399}, {3, 800, 499}};
        for (long[] step : steps) {
            source.channel((int) step[0]).offer(step[1]);
            awaitWatermark(sink, step[2]);
        }
        // a finished subtask sends the final watermark and stops holding the clock back
        long[] afterEnd = {599, 699, 799, MAX};
        for (int i = 0; i < 4; i++) {
            source.channel(i).end();
            awaitWatermark(sink, afterEnd[i]);
        }
        client.getJobExecutionResult().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);

        assertThat(sink.watermarks()).containsExactly(99L, 199L, 299L, 399L, 499L, 599L, 699L, 799L, MAX);
        assertThat(sink.records())
                .containsExactlyInAnyOrder(
                        "100@100", "200@200", "300@300", "400@400", "500@500", "600@600", "700@700", "800@800");
    }

    @Test
    void whenOneSourceSubtaskIsIdle_thenItDoesNotStallTheDownstreamClock() throws Exception {
        ChannelSource source = ChannelSource.create("one-idle", 4);
        EventTimeSink sink = new EventTimeSink();
        StreamExecutionEnvironment env = env();
        env.fromSource(source, valueIsTimestamp().withIdleness(Duration.ofMillis(2000)), "Channels", Types.LONG)
                .rebalance()
                .sinkTo(sink)
                .setParallelism(1);
        JobClient client = env.executeAsync("one idle");

        // subtasks 0..2 get events all the time (repeating their latest value keeps their watermark
        // but keeps them active); subtask 3 gets none and goes idle after the timeout
        long[] latest = {100, 200, 300};
        Runnable keepAlive = () -> {
            for (int i = 0; i < 3; i++) {
                source.channel(i).offer(latest[i]);
            }
        };
        keepAlive.run();
        awaitWatermark(sink, 99, keepAlive);
        latest[0] = 500;
        awaitWatermark(sink, 199, keepAlive);
        latest[1] = 600;
        awaitWatermark(sink, 299, keepAlive);
        List<Long> beforeEnd = sink.watermarks();

        for (int i = 0; i < 4; i++) {
            source.channel(i).end();
        }
        client.getJobExecutionResult().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);

        assertThat(beforeEnd).containsExactly(99L, 199L, 299L);
        List<Long> all = sink.watermarks();
        assertThat(all).startsWith(99L, 199L, 299L).endsWith(MAX).isSorted().doesNotHaveDuplicates();
        // after 299 only the values the still-running subtasks could produce: 499, 599 or the end
        assertThat(all.subList(3, all.size())).isSubsetOf(499L, 599L, MAX);
    }

    /** Passes both inputs through. */
    private static final class Merge implements CoMapFunction<Long, Long, Long> {
        @Override
        public Long map1(Long value) {
            return value;
        }

        @Override
        public Long map2(Long value) {
            return value;
        }
    }

    @Test
    void whenOneInputOfATwoInputOperatorIsIdle_thenTheOperatorsClockFollowsTheOther() throws Exception {
        ChannelSource first = ChannelSource.create("two-input-first", 1);
        ChannelSource second = ChannelSource.create("two-input-second", 1);
        EventTimeSink sink = new EventTimeSink();
        StreamExecutionEnvironment env = env();
        WatermarkStrategy<Long> strategy = valueIsTimestamp().withIdleness(Duration.ofMillis(2000));
        DataStream<Long> one =
                env.fromSource(first, strategy, "First", Types.LONG).setParallelism(1);
        DataStream<Long> two =
                env.fromSource(second, strategy, "Second", Types.LONG).setParallelism(1);
        one.connect(two).map(new Merge()).setParallelism(1).sinkTo(sink).setParallelism(1);
        JobClient client = env.executeAsync("two inputs, one idle");

        long[] latest = {100};
        Runnable keepAlive = () -> first.channel(0).offer(latest[0]);
        keepAlive.run();
        awaitWatermark(sink, 99, keepAlive); // only once the second input went idle
        latest[0] = 200;
        awaitWatermark(sink, 199, keepAlive);
        List<Long> beforeEnd = sink.watermarks();
        first.channel(0).end();
        second.channel(0).end();
        client.getJobExecutionResult().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);

        assertThat(beforeEnd).containsExactly(99L, 199L);
        assertThat(sink.watermarks()).containsExactly(99L, 199L, MAX);
    }

    @Test
    void whenTimestampsAreAssignedAfterAShuffle_thenTheWatermarkTrailsTheLargestTimestampByTheBoundPlusOne()
            throws Exception {
        ChannelSource source = ChannelSource.create("assign", 4);
        EventTimeSink sink = new EventTimeSink();
        StreamExecutionEnvironment env = env();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "Channels", Types.LONG)
                .rebalance()
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(100))
                        .withTimestampAssigner((v, ts) -> v))
                .setParallelism(1)
                .sinkTo(sink)
                .setParallelism(1);
        JobClient client = env.executeAsync("assign after shuffle");

        List<Long> offered = new ArrayList<>();
        long[][] rounds = {{1000, 1500, 1200, 900}, {1400, 2000, 1999, 1300}, {2100, 50, 60, 70}};
        long max = Long.MIN_VALUE;
        for (long[] round : rounds) {
            for (int i = 0; i < 4; i++) {
                source.channel(i).offer(round[i]);
                offered.add(round[i]);
                max = Math.max(max, round[i]);
            }
            awaitWatermark(sink, max - 100 - 1);
        }
        for (int i = 0; i < 4; i++) {
            source.channel(i).end();
        }
        client.getJobExecutionResult().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);

        assertThat(sink.records())
                .containsExactlyInAnyOrderElementsOf(
                        offered.stream().map(v -> v + "@" + v).toList());
        List<Long> watermarks = sink.watermarks();
        assertThat(watermarks)
                .contains(1399L, 1899L, 1999L)
                .endsWith(MAX)
                .isSorted()
                .doesNotHaveDuplicates();
        // every watermark is some largest-timestamp-so-far minus 101, or the final one
        assertThat(watermarks.subList(0, watermarks.size() - 1))
                .allSatisfy(w -> assertThat(offered).contains(w + 100 + 1));
    }
}
