package io.sluice.benchmarks;

import io.sluice.api.common.CheckpointingMode;
import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.windowing.ProcessWindowFunction;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.api.windowing.windows.TimeWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * P3, event-time windows (Nexmark Q5 "hot items", basic form), as the Flink peer defines it: N
 * bids from {@link StridedSequenceSource} (auction {@code i % 1000}, event time {@code i / 10} ms)
 * → bounded-out-of-orderness watermarks (1 s) → {@code map(Bid)} → {@code keyBy(auction)} → 1 s
 * tumbling event-time windows → {@code aggregate(count, sum of price)} with the window attached →
 * a checksum sink. The checksum is the sum of {@link Gen#p3Hash} over the window results; {@code
 * total} (the sum of the counts) must equal N.
 */
public final class P3Windows {
    private P3Windows() {}

    /**
     * Runs P3 and prints its RESULT line; returns the checksum. With {@code checkpointMs > 0}: P3ckpt,
     * exactly-once checkpoints every {@code checkpointMs} into a fresh directory under {@code
     * /tmp/sluice-bench-ckpt/} (deleted afterwards), as the Flink peer does.
     */
    public static long run(long n, int parallelism, long windowMs, long outOfOrdernessMs, long checkpointMs)
            throws Exception {
        Results.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        Path checkpointDir = null;
        if (checkpointMs > 0) {
            Files.createDirectories(Path.of("/tmp/sluice-bench-ckpt"));
            checkpointDir = Files.createTempDirectory(Path.of("/tmp/sluice-bench-ckpt"), "p3-");
            env.enableCheckpointing(checkpointMs, CheckpointingMode.EXACTLY_ONCE);
            env.getCheckpointConfig().setCheckpointStorage(checkpointDir.toString());
        }
        WatermarkStrategy<Long> watermarks = WatermarkStrategy.<Long>forBoundedOutOfOrderness(
                        Duration.ofMillis(outOfOrdernessMs))
                .withTimestampAssigner((i, ts) -> Gen.bidTimestamp(i));
        env.fromSource(new StridedSequenceSource(n), watermarks, "bid generator", Types.LONG)
                .map(new ToBid())
                .name("to Bid")
                .keyBy(new AuctionKey())
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(windowMs)))
                .aggregate(new CountAndSum(), new AttachWindow())
                .name("tumbling count per auction")
                .sinkTo(new ChecksumSink())
                .name("checksum sink");

        long start = System.nanoTime();
        env.execute(checkpointMs > 0 ? "P3 windows (checkpointing)" : "P3 windows");
        double seconds = (System.nanoTime() - start) / 1e9;
        if (checkpointDir != null) {
            try (Stream<Path> files = Files.walk(checkpointDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }

        long checksum = Results.SUM.sum();
        Gen.printResult(
                checkpointMs > 0 ? "P3ckpt" : "P3",
                n,
                seconds,
                "checksum=" + checksum
                        + " total=" + Results.TOTAL.sum()
                        + " outputs=" + Results.COUNT.sum()
                        + " checkpoint_interval_ms=" + checkpointMs
                        + (checkpointMs > 0 ? " checkpoints_at_sinks=" + Results.CHECKPOINT_FLUSHES.sum() : "")
                        + " window_ms=" + windowMs
                        + " ooo_ms=" + outOfOrdernessMs
                        + Results.taskFields(n)
                        + " state_backend=hashmap"
                        + " parallelism=" + parallelism
                        + " engine=" + Gen.engine());
        return checksum;
    }

    static final class ToBid implements MapFunction<Long, Bid> {
        @Override
        public Bid map(Long i) {
            return Bid.of(i);
        }
    }

    static final class AuctionKey implements KeySelector<Bid, Long> {
        @Override
        public Long getKey(Bid b) {
            return b.auction;
        }
    }

    /** Accumulator {count, sum of price}. */
    static final class CountAndSum implements AggregateFunction<Bid, long[], long[]> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Bid b, long[] acc) {
            acc[0]++;
            acc[1] += b.price;
            return acc;
        }

        @Override
        public long[] getResult(long[] acc) {
            return acc;
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            a[1] += b[1];
            return a;
        }
    }

    static final class AttachWindow extends ProcessWindowFunction<long[], AuctionCount, Long, TimeWindow> {
        @Override
        public void process(Long auction, Context ctx, Iterable<long[]> accs, Collector<AuctionCount> out) {
            long[] acc = accs.iterator().next();
            AuctionCount r = new AuctionCount();
            r.auction = auction;
            r.windowEnd = ctx.window().getEnd();
            r.count = acc[0];
            r.sumPrice = acc[1];
            out.collect(r);
        }
    }

    /** Order-independent checksum of the window results, published when the writer closes. */
    static final class ChecksumSink implements Sink<AuctionCount> {
        @Override
        public SinkWriter<AuctionCount> createWriter(WriterInitContext context) {
            Results.writerOpened();
            return new SinkWriter<>() {
                private long sum;
                private long count;
                private long total;

                @Override
                public void write(AuctionCount r, Context ctx) {
                    sum += Gen.p3Hash(r.auction, r.windowEnd, r.count, r.sumPrice);
                    total += r.count;
                    count++;
                }

                @Override
                public void flush(boolean endOfInput) {
                    if (!endOfInput) {
                        Results.CHECKPOINT_FLUSHES.increment(); // the writer flushes before each checkpoint
                    }
                }

                @Override
                public void close() {
                    Results.writerClosed();
                    Results.SUM.add(sum);
                    Results.COUNT.add(count);
                    Results.TOTAL.add(total);
                    sum = 0;
                    count = 0;
                    total = 0;
                }
            };
        }
    }
}
