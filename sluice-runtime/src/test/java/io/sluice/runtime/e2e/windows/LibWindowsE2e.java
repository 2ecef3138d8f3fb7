package io.sluice.runtime.e2e.windows;

import io.sluice.api.connector.source.lib.FromElementsSource;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.windowing.ProcessWindowFunction;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.typeutils.base.StringSerializer;
import io.sluice.api.util.Collector;
import io.sluice.api.windowing.windows.GlobalWindow;
import io.sluice.api.windowing.windows.TimeWindow;
import io.sluice.runtime.e2e.api.SubtaskSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Helpers of the window library's end-to-end tests. Inputs are strings {@code "key@timestamp"}
 * (optionally {@code "key@timestamp+gap"} for dynamic session gaps); a marker {@code "W@t"} makes
 * the source emit the watermark {@code t} right after it and is then filtered out. The source and
 * the filter run at parallelism 1, so every window subtask sees the same order of records and
 * watermarks at any parallelism, and each key's results are deterministic.
 */
final class LibWindowsE2e {
    private LibWindowsE2e() {}

    static Stream<Integer> parallelisms() {
        return Stream.of(1, 4);
    }

    static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setBufferTimeout(5);
        return env;
    }

    /** The events, with their timestamps and the watermarks of their {@code W@t} markers. */
    static DataStream<String> events(StreamExecutionEnvironment env, String... events) {
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forGenerator(ctx -> new MarkerWatermarks())
                .withTimestampAssigner((event, previous) -> ts(event));
        return env.fromSource(
                        new FromElementsSource<>(new StringSerializer(), events), strategy, "events", Types.STRING)
                .setParallelism(1)
                .filter(event -> !event.startsWith("W@"))
                .setParallelism(1);
    }

    /** Emits the watermark of each {@code W@t} marker. */
    static final class MarkerWatermarks implements WatermarkGenerator<String> {
        @Override
        public void onEvent(String event, long eventTimestamp, WatermarkOutput output) {
            if (event.startsWith("W@")) {
                output.emitWatermark(new Watermark(eventTimestamp));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    static String key(String event) {
        return event.substring(0, event.indexOf('@'));
    }

    /** The timestamp: the number after the '@' (a suffix like "+gap" or "!" is not part of it). */
    static long ts(String event) {
        int start = event.indexOf('@') + 1;
        int end = start + 1;
        while (end < event.length() && Character.isDigit(event.charAt(end))) {
            end++;
        }
        return Long.parseLong(event.substring(start, end));
    }

    /** The dynamic session gap of {@code "key@ts+gap"}. */
    static long gap(String event) {
        return Long.parseLong(event.substring(event.indexOf('+') + 1));
    }

    /** A watermark as text: {@code "min"} before the first, {@code "max"} for the final one. */
    static String wm(long watermark) {
        if (watermark == Long.MAX_VALUE) {
            return "max";
        }
        return watermark == Long.MIN_VALUE ? "min" : Long.toString(watermark);
    }

    /** Results per key ({@code "key ..."}), in the order the key's subtask emitted them. */
    static Map<String, List<String>> byKey(SubtaskSink<String> sink) {
        Map<String, List<String>> byKey = new TreeMap<>();
        for (List<String> results : sink.bySubtask().values()) {
            for (String result : results) {
                byKey.computeIfAbsent(result.substring(0, result.indexOf(' ')), k -> new ArrayList<>())
                        .add(result);
            }
        }
        return byKey;
    }

    /**
     * {@code "key [start,end) [elements] wm=W"}: the window's events (without the key, in the
     * order the window holds them, or sorted for merged windows whose order depends on merging)
     * and the watermark at firing.
     */
    static final class DescribeTimeWindow extends ProcessWindowFunction<String, String, String, TimeWindow> {
        private final boolean sort;

        DescribeTimeWindow(boolean sort) {
            this.sort = sort;
        }

        @Override
        public void process(String key, Context ctx, Iterable<String> elements, Collector<String> out) {
            List<String> events = new ArrayList<>();
            for (String e : elements) {
                events.add(e.substring(e.indexOf('@') + 1));
            }
            if (sort) {
                events.sort((a, b) -> Long.compare(ts(key + "@" + a), ts(key + "@" + b)));
            }
            TimeWindow w = ctx.window();
            out.collect(
                    key + " [" + w.getStart() + "," + w.getEnd() + ") " + events + " wm=" + wm(ctx.currentWatermark()));
        }
    }

    /** {@code "key [elements]"} of a global window, in the order the window holds them. */
    static final class DescribeGlobalWindow extends ProcessWindowFunction<String, String, String, GlobalWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<String> elements, Collector<String> out) {
            List<String> events = new ArrayList<>();
            for (String e : elements) {
                events.add(e.substring(e.indexOf('@') + 1));
            }
            out.collect(key + " " + events);
        }
    }
}
