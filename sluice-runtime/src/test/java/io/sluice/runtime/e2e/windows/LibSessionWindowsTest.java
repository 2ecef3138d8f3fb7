package io.sluice.runtime.e2e.windows;

import static io.sluice.runtime.e2e.windows.LibWindowsE2e.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.sluice.api.windowing.triggers.CountTrigger;
import io.sluice.runtime.e2e.api.SubtaskSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Session windows on a cluster: an out-of-order record bridges two open sessions of its key and
 * they merge into one window that fires once; a record whose session is already behind the
 * watermark is dropped; touching sessions merge; with a dynamic gap each record brings its own.
 */
class LibSessionWindowsTest {

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.windows.LibWindowsE2e#parallelisms")
    void whenAnOutOfOrderRecordBridgesTwoSessions_thenTheyMergeIntoOneWindow(int parallelism) throws Exception {
        StreamExecutionEnvironment env = LibWindowsE2e.env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        events(env, "a@0", "a@5", "b@1", "W@9", "a@20", "b@30", "a@12", "W@31", "c@2", "a@35", "b@39")
                .keyBy(LibWindowsE2e::key)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
                .process(new LibWindowsE2e.DescribeTimeWindow(true))
                .sinkTo(sink);
        env.execute("sessions");

        // a: [0,15) and [20,30) are open when a@12 ([12,22)) arrives: one session [0,30).
        // c@2 ([2,12)) is behind the watermark 31 when it arrives: late, dropped.
        // b@39 ([39,49)) overlaps [30,40): [30,49) fires at the end of input.
        assertThat(LibWindowsE2e.byKey(sink))
                .isEqualTo(Map.of(
                        "a", List.of("a [0,30) [0, 5, 12, 20] wm=31", "a [35,45) [35] wm=max"),
                        "b", List.of("b [1,11) [1] wm=31", "b [30,49) [30, 39] wm=max")));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.windows.LibWindowsE2e#parallelisms")
    void dynamicGapSessions_mergeWhenARecordBridgesOrTouchesThem(int parallelism) throws Exception {
        StreamExecutionEnvironment env = LibWindowsE2e.env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        events(env, "a@0+5", "a@10+5", "b@0+3", "b@3+1", "b@5+2", "a@4+7", "W@20", "a@30+100")
                .keyBy(LibWindowsE2e::key)
                .window(EventTimeSessionWindows.withDynamicGap(LibWindowsE2e::gap))
                .process(new LibWindowsE2e.DescribeTimeWindow(true))
                .sinkTo(sink);
        env.execute("dynamic sessions");

        // a: [0,5) and [10,15), bridged by [4,11); b: [0,3) and [3,4) touch, [5,7) stays apart
        assertThat(LibWindowsE2e.byKey(sink))
                .isEqualTo(Map.of(
                        "a", List.of("a [0,15) [0+5, 4+7, 10+5] wm=20", "a [30,130) [30+100] wm=max"),
                        "b", List.of("b [0,4) [0+3, 3+1] wm=20", "b [5,7) [5+2] wm=20")));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.windows.LibWindowsE2e#parallelisms")
    void sessionsWithCountTrigger_countsOfMergedSessionsAddUp(int parallelism) throws Exception {
        StreamExecutionEnvironment env = LibWindowsE2e.env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        events(env, "a@0", "a@15", "b@0", "a@8", "a@25", "W@100", "a@40")
                .keyBy(LibWindowsE2e::key)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
                .trigger(CountTrigger.of(3))
                .process(new LibWindowsE2e.DescribeTimeWindow(true))
                .sinkTo(sink);
        env.execute("sessions with count trigger");

        // a@8 ([8,18)) bridges [0,10) and [15,25), one record each: 1 + 1, then its own record
        // makes 3. The count restarts after firing, so [0,35) (a@25 joined) holds one count and
        // never fires; the watermark only cleans windows up, the count trigger never fires on time.
        assertThat(LibWindowsE2e.byKey(sink)).isEqualTo(Map.of("a", List.of("a [0,25) [0, 8, 15] wm=min")));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.windows.LibWindowsE2e#parallelisms")
    void sessionsWithContinuousEventTimeTrigger_keepTheEarliestFiringOfTheMergedSessions(int parallelism)
            throws Exception {
        StreamExecutionEnvironment env = LibWindowsE2e.env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        events(env, "a@1", "a@14", "a@9", "W@30")
                .keyBy(LibWindowsE2e::key)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
                .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(5)))
                .process(new LibWindowsE2e.DescribeTimeWindow(true))
                .sinkTo(sink);
        env.execute("sessions with continuous trigger");

        // [1,11) would fire at 5, [14,24) at 15; merged into [1,24) the earliest (5) stays. Watermark
        // 30 fires 5, 10, 15, 20 (each registering the next) and the end 23. The merged-away
        // windows' leftover timers (at 5 and 15) find no window and do nothing.
        String fired = "a [1,24) [1, 9, 14] wm=30";
        assertThat(LibWindowsE2e.byKey(sink)).isEqualTo(Map.of("a", List.of(fired, fired, fired, fired, fired)));
    }
}
