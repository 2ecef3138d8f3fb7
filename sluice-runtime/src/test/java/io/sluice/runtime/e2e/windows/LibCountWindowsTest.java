package io.sluice.runtime.e2e.windows;

import static io.sluice.runtime.e2e.windows.LibWindowsE2e.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.windowing.assigners.GlobalWindows;
import io.sluice.api.windowing.evictors.CountEvictor;
import io.sluice.api.windowing.triggers.CountTrigger;
import io.sluice.api.windowing.triggers.PurgingTrigger;
import io.sluice.runtime.e2e.api.SubtaskSink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Count windows on a cluster: per key, a sliding count window evaluates the last {@code size}
 * records every {@code slide} records; a tumbling one every {@code size} records, purging. The
 * global window never fires on its own, so trailing records that complete no count are never
 * emitted, not even at the end of input.
 */
class LibCountWindowsTest {
    private static final String[] EVENTS = {"a@1", "b@1", "a@2", "a@3", "b@2", "a@4", "a@5", "b@3", "a@6", "a@7"};

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.windows.LibWindowsE2e#parallelisms")
    void slidingCountWindows_evaluateTheLastSizeRecordsEverySlideRecords(int parallelism) throws Exception {
        StreamExecutionEnvironment env = LibWindowsE2e.env(parallelism);
        SubtaskSink<String> countWindow = new SubtaskSink<>();
        SubtaskSink<String> spelledOut = new SubtaskSink<>();
        events(env, EVENTS)
                .keyBy(LibWindowsE2e::key)
                .countWindow(3, 2)
                .process(new LibWindowsE2e.DescribeGlobalWindow())
                .sinkTo(countWindow);
        events(env, EVENTS)
                .keyBy(LibWindowsE2e::key)
                .window(GlobalWindows.create())
                .evictor(CountEvictor.of(3))
                .trigger(CountTrigger.of(2))
                .process(new LibWindowsE2e.DescribeGlobalWindow())
                .sinkTo(spelledOut);
        env.execute("sliding count windows");

        Map<String, List<String>> expected = Map.of(
                "a", List.of("a [1, 2]", "a [2, 3, 4]", "a [4, 5, 6]"),
                "b", List.of("b [1, 2]"));
        assertThat(LibWindowsE2e.byKey(countWindow)).isEqualTo(expected);
        assertThat(LibWindowsE2e.byKey(spelledOut)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("io.sluice.runtime.e2e.windows.LibWindowsE2e#parallelisms")
    void tumblingCountWindows_fireAndPurgeEverySizeRecords(int parallelism) throws Exception {
        StreamExecutionEnvironment env = LibWindowsE2e.env(parallelism);
        SubtaskSink<String> countWindow = new SubtaskSink<>();
        SubtaskSink<String> spelledOut = new SubtaskSink<>();
        events(env, EVENTS)
                .keyBy(LibWindowsE2e::key)
                .countWindow(3)
                .process(new LibWindowsE2e.DescribeGlobalWindow())
                .sinkTo(countWindow);
        events(env, EVENTS)
                .keyBy(LibWindowsE2e::key)
                .window(GlobalWindows.create())
                .trigger(PurgingTrigger.of(CountTrigger.of(3)))
                .process(new LibWindowsE2e.DescribeGlobalWindow())
                .sinkTo(spelledOut);
        env.execute("tumbling count windows");

        Map<String, List<String>> expected =
                Map.of("a", List.of("a [1, 2, 3]", "a [4, 5, 6]"), "b", List.of("b [1, 2, 3]"));
        assertThat(LibWindowsE2e.byKey(countWindow)).isEqualTo(expected);
        assertThat(LibWindowsE2e.byKey(spelledOut)).isEqualTo(expected);
    }
}
