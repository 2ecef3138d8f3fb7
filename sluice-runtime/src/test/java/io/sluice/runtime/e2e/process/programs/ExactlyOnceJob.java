package io.sluice.runtime.e2e.process.programs;

import io.sluice.api.common.CheckpointingMode;
import io.sluice.api.connector.source.lib.NumberSequenceSource;
import io.sluice.api.datastream.DataStream;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.RichFlatMapFunction;
import io.sluice.api.functions.RichMapFunction;
import io.sluice.api.functions.windowing.ProcessWindowFunction;
import io.sluice.api.state.CheckpointedFunction;
import io.sluice.api.state.FunctionInitializationContext;
import io.sluice.api.state.FunctionSnapshotContext;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.api.windowing.windows.TimeWindow;
import io.sluice.connector.file.sink.FileSink;
import io.sluice.connector.file.sink.SimpleStringEncoder;
import io.sluice.connector.file.sink.rollingpolicies.OnCheckpointRollingPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The exactly-once job of the failure tests: numbers {@code 0..n-1} (event time = the number, in
 * ms) from a bounded source, through
 *
 * <ul>
 *   <li>a keyed event-time tumbling window aggregation: {@code W,<key>,<window end>,<count>,<sum>};
 *   <li>a {@code KeyedProcessFunction} with value and map state and event-time timers, counting
 *       per key and half-second bucket: {@code T,<key>,<bucket end>,<count>,<running total>};
 *   <li>an operator with {@code ListState} (a flat map on the source's subtask that buffers each
 *       block of 50 consecutive numbers across checkpoints): {@code L,<first>,<sum>};
 * </ul>
 *
 * into the exactly-once {@link FileSink}. Every output line is a function of the input alone, so
 * the committed output of a run with failures must equal a fault-free run's line for line.
 *
 * <p>Arguments: {@code out n parallelism checkpointMs checkpointDir mode sleepEvery sleepMs
 * failures}: the first flat map sleeps {@code sleepMs} after every {@code sleepEvery} records of
 * its subtask (to keep the job running while a test kills processes), and with {@code failures >
 * 0} throws at a random record while the attempt number is below {@code failures}.
 */
public final class ExactlyOnceJob {
    public static final int BLOCK = 50;
    /** Failures injected so far in this JVM (embedded runs). */
    public static final java.util.concurrent.atomic.AtomicInteger INJECTED =
            new java.util.concurrent.atomic.AtomicInteger();

    private ExactlyOnceJob() {}

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(
                env,
                Path.of(args[0]),
                Long.parseLong(args[1]),
                Integer.parseInt(args[2]),
                Long.parseLong(args[3]),
                args[4],
                CheckpointingMode.valueOf(args[5]),
                Long.parseLong(args[6]),
                Long.parseLong(args[7]),
                Integer.parseInt(args[8]));
        env.execute("exactly-once job");
    }

    public static void build(
            StreamExecutionEnvironment env,
            Path out,
            long n,
            int parallelism,
            long checkpointMs,
            String checkpointDir,
            CheckpointingMode mode,
            long sleepEvery,
            long sleepMs,
            int failures) {
        env.setParallelism(parallelism);
        if (checkpointMs > 0) {
            env.enableCheckpointing(checkpointMs, mode);
            env.getCheckpointConfig().setCheckpointStorage(checkpointDir);
            // A checkpoint that hangs is a bug these tests look for: let it show within seconds.
            env.getCheckpointConfig().setCheckpointTimeout(20_000);
        }
        DataStream<Long> numbers = env.fromSource(
                        new NumberSequenceSource(0, n - 1),
                        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v),
                        "numbers")
                .map(new Throttle(sleepEvery, sleepMs, failures, n))
                .name("throttle");

        DataStream<String> windows = numbers.keyBy(v -> v % 13)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(1000)))
                .aggregate(new CountAndSum(), new WindowLine())
                .name("windows");
        DataStream<String> timers =
                numbers.keyBy(v -> v % 7).process(new Buckets()).name("buckets");
        DataStream<String> blocks = numbers.flatMap(new BlockSums()).name("blocks");

        windows.union(timers, blocks)
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>())
                        .withRollingPolicy(OnCheckpointRollingPolicy.build())
                        .build())
                .name("file sink");
    }

    /** The committed lines under {@code out} (hidden in-progress and pending files skipped), sorted. */
    public static List<String> committedOutput(Path out) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        if (!java.nio.file.Files.exists(out)) {
            return lines;
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(out)) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")
                            && !f.getFileName().toString().startsWith("_"))
                    .toList()) {
                lines.addAll(java.nio.file.Files.readAllLines(f));
            }
        }
        lines.sort(null);
        return lines;
    }

    /**
     * What differs between two outputs as multisets: "missing: ..." and "extra: ..." with up to 20
     * lines each; empty when they are equal.
     */
    public static List<String> difference(List<String> expected, List<String> actual) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        expected.forEach(l -> counts.merge(l, 1, Integer::sum));
        actual.forEach(l -> counts.merge(l, -1, Integer::sum));
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        counts.forEach((line, c) -> {
            for (int i = 0; i < Math.abs(c); i++) {
                (c > 0 ? missing : extra).add(line);
            }
        });
        missing.sort(null);
        extra.sort(null);
        List<String> diff = new ArrayList<>();
        if (!missing.isEmpty()) {
            diff.add(missing.size() + " missing: " + missing.subList(0, Math.min(20, missing.size())));
        }
        if (!extra.isEmpty()) {
            diff.add(extra.size() + " extra: " + extra.subList(0, Math.min(20, extra.size())));
        }
        return diff;
    }

    /** The output the job must commit for {@code n} numbers, computed directly (sorted). */
    public static List<String> expectedOutput(long n) {
        List<String> lines = new ArrayList<>();
        for (long windowKey = 0; windowKey < 13; windowKey++) {
            long key = windowKey;
            java.util.TreeMap<Long, long[]> byWindow = new java.util.TreeMap<>();
            for (long v = key; v < n; v += 13) {
                long[] acc = byWindow.computeIfAbsent(v / 1000 * 1000 + 1000, k -> new long[2]);
                acc[0]++;
                acc[1] += v;
            }
            long k = key;
            byWindow.forEach((end, acc) -> lines.add("W," + k + "," + end + "," + acc[0] + "," + acc[1]));
        }
        for (long key = 0; key < 7; key++) {
            java.util.TreeMap<Long, Long> byBucket = new java.util.TreeMap<>();
            for (long v = key; v < n; v += 7) {
                byBucket.merge(bucketEnd(v), 1L, Long::sum);
            }
            long total = 0;
            for (var e : byBucket.entrySet()) {
                total += e.getValue();
                lines.add("T," + key + "," + e.getKey() + "," + e.getValue() + "," + total);
            }
        }
        for (long first = 0; first + BLOCK <= n; first += BLOCK) {
            long sum = 0;
            for (long v = first; v < first + BLOCK; v++) {
                sum += v;
            }
            lines.add("L," + first + "," + sum);
        }
        lines.sort(null);
        return lines;
    }

    static long bucketEnd(long timestamp) {
        return timestamp / 500 * 500 + 499;
    }

    /** Slows the job down when asked to, and injects failures at random records on early attempts. */
    public static final class Throttle extends RichMapFunction<Long, Long> {
        private final long sleepEvery;
        private final long sleepMs;
        private final int failures;
        private final long n;
        private transient long seen;
        /** The record of this attempt that throws; 0 until the first record decides (transient: 0 after deserialization). */
        private transient long failAt;

        public Throttle(long sleepEvery, long sleepMs, int failures, long n) {
            this.sleepEvery = sleepEvery;
            this.sleepMs = sleepMs;
            this.failures = failures;
            this.n = n;
        }

        @Override
        public Long map(Long v) throws Exception {
            if (failAt == 0) {
                int attempt = getRuntimeContext().getAttemptNumber();
                int p = getRuntimeContext().getNumberOfParallelSubtasks();
                // A random record of this subtask's share, on one random subtask per attempt.
                Random random = new Random(System.nanoTime() ^ (31L * attempt));
                boolean failsHere = attempt < failures
                        && getRuntimeContext().getIndexOfThisSubtask() == new Random(attempt * 7919L).nextInt(p);
                failAt = failsHere ? 1 + (long) (random.nextDouble() * (n / p) * 0.8) : Long.MAX_VALUE;
            }
            seen++;
            if (seen == failAt) {
                INJECTED.incrementAndGet();
                throw new IllegalStateException("injected failure at record " + v + " (attempt "
                        + getRuntimeContext().getAttemptNumber() + ")");
            }
            if (sleepEvery > 0 && seen % sleepEvery == 0) {
                Thread.sleep(sleepMs);
            }
            return v;
        }
    }

    static final class CountAndSum implements AggregateFunction<Long, long[], long[]> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Long v, long[] acc) {
            return new long[] {acc[0] + 1, acc[1] + v};
        }

        @Override
        public long[] getResult(long[] acc) {
            return acc;
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    static final class WindowLine extends ProcessWindowFunction<long[], String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<long[]> accs, Collector<String> out) {
            long[] acc = accs.iterator().next();
            out.collect("W," + key + "," + ctx.window().getEnd() + "," + acc[0] + "," + acc[1]);
        }
    }

    /** Counts per half-second bucket in map state; a timer at the bucket's end emits it. */
    static final class Buckets extends KeyedProcessFunction<Long, Long, String> {
        private transient MapState<Long, Long> buckets;
        private transient ValueState<Long> total;

        @Override
        public void open(io.sluice.api.functions.OpenContext ctx) {
            buckets = getRuntimeContext().getMapState(new MapStateDescriptor<>("buckets", Types.LONG, Types.LONG));
            total = getRuntimeContext().getState(new ValueStateDescriptor<>("total", Types.LONG));
        }

        @Override
        public void processElement(Long v, Context ctx, Collector<String> out) throws Exception {
            long end = bucketEnd(ctx.timestamp());
            Long count = buckets.get(end);
            buckets.put(end, count == null ? 1 : count + 1);
            ctx.timerService().registerEventTimeTimer(end);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            Long count = buckets.get(timestamp);
            if (count == null) {
                return;
            }
            buckets.remove(timestamp);
            long t = (total.value() == null ? 0 : total.value()) + count;
            total.update(t);
            out.collect("T," + ctx.getCurrentKey() + "," + timestamp + "," + count + "," + t);
        }
    }

    /**
     * Sums each block of {@link #BLOCK} consecutive numbers of its subtask's split; the partial
     * block lives in operator list state across checkpoints.
     */
    static final class BlockSums extends RichFlatMapFunction<Long, String> implements CheckpointedFunction {
        private transient List<Long> buffer;
        private transient ListState<Long> state;

        @Override
        public void flatMap(Long v, Collector<String> out) {
            if (!buffer.isEmpty() && buffer.get(0) / BLOCK != v / BLOCK) {
                throw new IllegalStateException("Block of " + buffer.get(0) + " interrupted by " + v);
            }
            buffer.add(v);
            if (buffer.size() == BLOCK) {
                long sum = 0;
                for (long x : buffer) {
                    sum += x;
                }
                out.collect("L," + buffer.get(0) + "," + sum);
                buffer.clear();
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            state.update(buffer);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("block", Types.LONG));
            buffer = new ArrayList<>();
            if (context.isRestored()) {
                for (Long v : state.get()) {
                    buffer.add(v);
                }
            }
        }
    }
}
