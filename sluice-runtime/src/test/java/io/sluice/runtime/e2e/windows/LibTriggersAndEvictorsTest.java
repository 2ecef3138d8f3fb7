package io.sluice.runtime.e2e.windows;

import static io.sluice.runtime.e2e.windows.LibWindowsE2e.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.api.windowing.evictors.CountEvictor;
import io.sluice.api.windowing.evictors.TimeEvictor;
import io.sluice.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.triggers.TriggerResult;
import io.sluice.api.windowing.windows.TimeWindow;
import io.sluice.runtime.e2e.api.SubtaskSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Triggers and evictors on a cluster: a user's own trigger with per-window state and timers,
 * {@link ContinuousEventTimeTrigger} firing every interval and at the window's end, and the count
 * and time evictors before and after the window function.
 */
class LibTriggersAndEvictorsTest {

    /**
     * A user trigger: fires (keeping the contents) at a record ending in '!' once the window has
     * seen at least two records, and fires and purges when the watermark passes the window's end.
     */
    static final class MarkerTrigger extends Trigger<String, TimeWindow> {
        private final ValueStateDescriptor<Integer> seenDescriptor = new ValueStateDescriptor<>("seen", Integer.class);

        @Override
        public TriggerResult onElement(String element, long timestamp, TimeWindow window, TriggerContext ctx)
                throws Exception {
            ctx.registerEventTimeTimer(window.maxTimestamp());
            ValueState<Integer> seen = ctx.getPartitionedState(seenDescriptor);
            int count = seen.value() == null ? 1 : seen.value() + 1;
            seen.update(count);
            return element.endsWith("!") && count >= 2 ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return time == window.maxTimestamp() ? TriggerResult.FIRE_AND_PURGE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {
            ctx.deleteEventTimeTimer(window.maxTimestamp());
            ctx.getPartitionedState(seenDescriptor).clear();
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.windows.LibWindowsE2e#parallelisms")
    void customTrigger_firesOnItsOwnConditionsWithPerWindowState(int parallelism) throws Exception {
        StreamExecutionEnvironment env = LibWindowsE2e.env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        events(env, "a@1", "a@2!", "a@3", "b@4!", "a@5!", "W@9", "a@15", "b@12!", "a@16!")
                .keyBy(LibWindowsE2e::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .trigger(new MarkerTrigger())
                .process(new LibWindowsE2e.DescribeTimeWindow(false))
                .sinkTo(sink);
        env.execute("custom trigger");

        // b@4! and b@12! are the first records of their windows: no early firing
        assertThat(LibWindowsE2e.byKey(sink))
                .isEqualTo(Map.of(
                        "a",
                        List.of(
                                "a [0,10) [1, 2!] wm=min",
                                "a [0,10) [1, 2!, 3, 5!] wm=min",
                                "a [0,10) [1, 2!, 3, 5!] wm=9",
                                "a [10,20) [15, 16!] wm=9",
                                "a [10,20) [15, 16!] wm=max"),
                        "b",
                        List.of("b [0,10) [4!] wm=9", "b [10,20) [12!] wm=max")));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.windows.LibWindowsE2e#parallelisms")
    void continuousEventTimeTrigger_firesEveryIntervalAndAtTheWindowEnd(int parallelism) throws Exception {
        StreamExecutionEnvironment env = LibWindowsE2e.env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        events(env, "a@1", "a@3", "W@5", "a@7", "W@12", "a@16", "W@30", "b@25")
                .keyBy(LibWindowsE2e::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(20)))
                .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(5)))
                .process(new LibWindowsE2e.DescribeTimeWindow(false))
                .sinkTo(sink);
        env.execute("continuous event-time trigger");

        // a: fires at 5, 10, 15 and at the window end 19 (15 and 19 both at watermark 30).
        // b@25 arrives at watermark 30: its first interval timer (30) is not behind the next
        // watermark, so the final watermark fires 30, then 35 (registered while firing), then 39.
        assertThat(LibWindowsE2e.byKey(sink))
                .isEqualTo(Map.of(
                        "a",
                        List.of(
                                "a [0,20) [1, 3] wm=5",
                                "a [0,20) [1, 3, 7] wm=12",
                                "a [0,20) [1, 3, 7, 16] wm=30",
                                "a [0,20) [1, 3, 7, 16] wm=30"),
                        "b",
                        List.of("b [20,40) [25] wm=max", "b [20,40) [25] wm=max", "b [20,40) [25] wm=max")));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.windows.LibWindowsE2e#parallelisms")
    void evictorsBeforeTheFunction_keepTheLastRecordsByCountOrByTime(int parallelism) throws Exception {
        StreamExecutionEnvironment env = LibWindowsE2e.env(parallelism);
        SubtaskSink<String> byCount = new SubtaskSink<>();
        SubtaskSink<String> byTime = new SubtaskSink<>();
        String[] events = {"a@14", "a@0", "b@19", "a@10", "b@2", "a@3"};
        events(env, events)
                .keyBy(LibWindowsE2e::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(20)))
                .evictor(CountEvictor.of(2))
                .process(new LibWindowsE2e.DescribeTimeWindow(false))
                .sinkTo(byCount);
        events(env, events)
                .keyBy(LibWindowsE2e::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(20)))
                .evictor(TimeEvictor.of(Duration.ofMillis(5)))
                .process(new LibWindowsE2e.DescribeTimeWindow(false))
                .sinkTo(byTime);
        env.execute("evictors");

        // count: the last two records to arrive; time: those after (newest - 5), in arrival order
        assertThat(LibWindowsE2e.byKey(byCount))
                .isEqualTo(Map.of("a", List.of("a [0,20) [10, 3] wm=max"), "b", List.of("b [0,20) [19, 2] wm=max")));
        assertThat(LibWindowsE2e.byKey(byTime))
                .isEqualTo(Map.of("a", List.of("a [0,20) [14, 10] wm=max"), "b", List.of("b [0,20) [19] wm=max")));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.windows.LibWindowsE2e#parallelisms")
    void countEvictorAfterTheFunction_trimsTheWindowForTheNextFiring(int parallelism) throws Exception {
        StreamExecutionEnvironment env = LibWindowsE2e.env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        events(env, "a@1", "a@2", "a@3", "W@5", "a@6", "W@10")
                .keyBy(LibWindowsE2e::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(20)))
                .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(5)))
                .evictor(CountEvictor.of(2, true))
                .process(new LibWindowsE2e.DescribeTimeWindow(false))
                .sinkTo(sink);
        env.execute("evict after");

        // each firing sees everything, then the window keeps its last two records
        assertThat(LibWindowsE2e.byKey(sink))
                .isEqualTo(Map.of(
                        "a",
                        List.of(
                                "a [0,20) [1, 2, 3] wm=5",
                                "a [0,20) [2, 3, 6] wm=10",
                                "a [0,20) [3, 6] wm=max",
                                "a [0,20) [3, 6] wm=max")));
    }
}
