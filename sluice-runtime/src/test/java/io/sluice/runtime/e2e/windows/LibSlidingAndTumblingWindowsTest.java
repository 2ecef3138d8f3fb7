package io.sluice.runtime.e2e.windows;

import static io.sluice.runtime.e2e.windows.LibWindowsE2e.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.windowing.assigners.SlidingEventTimeWindows;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.runtime.e2e.api.SubtaskSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sliding and tumbling event-time windows with offsets on a cluster: each record lands in
 * size/slide windows (negative timestamps included), windows fire in end order as the watermark
 * passes them, and records whose windows are all behind the watermark are dropped.
 */
class LibSlidingAndTumblingWindowsTest {

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.windows.LibWindowsE2e#parallelisms")
    void slidingWindowsWithOffset_holdEachRecordInSizeOverSlideWindows(int parallelism) throws Exception {
        StreamExecutionEnvironment env = LibWindowsE2e.env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        // windows of 10 starting every 5 at 2 + 5k: [-8,2), [-3,7), [2,12), [7,17), [12,22), ...
        events(env, "a@-1", "a@0", "a@2", "b@7", "a@11", "W@12", "a@13", "b@-4")
                .keyBy(LibWindowsE2e::key)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5), Duration.ofMillis(2)))
                .process(new LibWindowsE2e.DescribeTimeWindow(false))
                .sinkTo(sink);
        env.execute("sliding");

        // b@-4 belongs to [-13,-3) and [-8,2), both behind the watermark 12: dropped
        assertThat(LibWindowsE2e.byKey(sink))
                .isEqualTo(Map.of(
                        "a",
                        List.of(
                                "a [-8,2) [-1, 0] wm=12",
                                "a [-3,7) [-1, 0, 2] wm=12",
                                "a [2,12) [2, 11] wm=12",
                                "a [7,17) [11, 13] wm=max",
                                "a [12,22) [13] wm=max"),
                        "b",
                        List.of("b [2,12) [7] wm=12", "b [7,17) [7] wm=max")));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.windows.LibWindowsE2e#parallelisms")
    void tumblingWindowsWithOffset_startAtTheOffset(int parallelism) throws Exception {
        StreamExecutionEnvironment env = LibWindowsE2e.env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        // windows of 10 starting at 3 + 10k: [-17,-7), [-7,3), [3,13), [13,23)
        events(env, "a@-8", "a@2", "a@3", "b@13", "a@12", "W@12", "a@-7", "a@22", "b@22")
                .keyBy(LibWindowsE2e::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(3)))
                .process(new LibWindowsE2e.DescribeTimeWindow(false))
                .sinkTo(sink);
        env.execute("tumbling");

        // a@-7 belongs to [-7,3), which fired at watermark 12: dropped
        assertThat(LibWindowsE2e.byKey(sink))
                .isEqualTo(Map.of(
                        "a",
                        List.of(
                                "a [-17,-7) [-8] wm=12",
                                "a [-7,3) [2] wm=12",
                                "a [3,13) [3, 12] wm=12",
                                "a [13,23) [22] wm=max"),
                        "b",
                        List.of("b [13,23) [13, 22] wm=max")));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.windows.LibWindowsE2e#parallelisms")
    void tumblingWindowsWithNegativeOffset(int parallelism) throws Exception {
        StreamExecutionEnvironment env = LibWindowsE2e.env(parallelism);
        SubtaskSink<String> sink = new SubtaskSink<>();
        // windows of 10 starting at -3 + 10k: [-13,-3), [-3,7), [7,17)
        events(env, "a@-4", "a@-3", "a@6", "a@7", "W@6", "a@16")
                .keyBy(LibWindowsE2e::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(-3)))
                .process(new LibWindowsE2e.DescribeTimeWindow(false))
                .sinkTo(sink);
        env.execute("tumbling negative offset");

        assertThat(LibWindowsE2e.byKey(sink))
                .isEqualTo(Map.of(
                        "a", List.of("a [-13,-3) [-4] wm=6", "a [-3,7) [-3, 6] wm=6", "a [7,17) [7, 16] wm=max")));
    }
}
