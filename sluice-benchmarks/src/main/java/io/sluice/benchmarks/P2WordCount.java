package io.sluice.benchmarks;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.Types;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * P2, keyed word count: {@code fromSequence(0, N-1) -> map(i -> (word(i), 1)) -> keyBy(word) ->
 * sum(1) -> sink keeping the last count per word}. The checksum is the sum over words of {@link
 * Gen#p2Hash}; {@code total} (sum of final counts) must equal N, {@code words} must be 10,000.
 */
public final class P2WordCount {
    private P2WordCount() {}

    /** Runs P2 and prints its RESULT line; returns the checksum. */
    public static long run(long n, int parallelism) throws Exception {
        Results.reset();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, n, parallelism, null);

        long start = System.nanoTime();
        env.execute("P2 word count");
        double seconds = (System.nanoTime() - start) / 1e9;

        long checksum = 0;
        long total = 0;
        for (Map.Entry<String, Long> e : Results.WORD_COUNTS.entrySet()) {
            checksum += Gen.p2Hash(e.getKey(), e.getValue());
            total += e.getValue();
        }
        long collisions = Results.WORD_COLLISIONS.sum();
        Gen.printResult(
                "P2",
                n,
                seconds,
                "checksum=" + checksum
                        + " total=" + total
                        + " words=" + Results.WORD_COUNTS.size()
                        + " outputs=" + Results.COUNT.sum()
                        + (collisions > 0 ? " ERROR_word_in_two_subtasks=" + collisions : "")
                        + Results.taskFields(n)
                        + " state_backend=hashmap"
                        + " parallelism=" + parallelism
                        + " engine=" + Gen.engine());
        return checksum;
    }

    /**
     * Adds P2 to {@code env}. With a {@code resultDir} the sinks write their final counts to files
     * there (a process cluster, see {@link ClusterBench}), else to {@link Results}.
     */
    static void build(StreamExecutionEnvironment env, long n, int parallelism, String resultDir) {
        env.setParallelism(parallelism);
        env.fromSequence(0, n - 1)
                .name("sequence")
                .map(new ToWord())
                .returns(Types.TUPLE(Types.STRING, Types.LONG))
                .name("map to (word,1)")
                .keyBy(new WordKey())
                .sum(1)
                .name("sum")
                .sinkTo(new LastCountSink(resultDir))
                .name("last-count sink");
    }

    /** {@code i -> (word(i), 1)}. */
    static final class ToWord implements MapFunction<Long, Tuple2<String, Long>> {
        @Override
        public Tuple2<String, Long> map(Long i) {
            return Tuple2.of(Gen.word(i), 1L);
        }
    }

    /** The word. */
    static final class WordKey implements KeySelector<Tuple2<String, Long>, String> {
        @Override
        public String getKey(Tuple2<String, Long> t) {
            return t.f0;
        }
    }

    /** Keeps the latest running count per word; publishes them to {@link Results} on close. */
    static final class LastCountSink implements Sink<Tuple2<String, Long>> {
        private final String resultDir;

        LastCountSink(String resultDir) {
            this.resultDir = resultDir;
        }

        @Override
        public SinkWriter<Tuple2<String, Long>> createWriter(WriterInitContext context) {
            Results.writerOpened();
            return new Writer(resultDir);
        }
    }

    private static final class Writer implements SinkWriter<Tuple2<String, Long>> {
        private final HashMap<String, Long> last = new HashMap<>();
        private final String resultDir;
        private final long openedMillis = System.currentTimeMillis();
        private long count;

        Writer(String resultDir) {
            this.resultDir = resultDir;
        }

        @Override
        public void write(Tuple2<String, Long> t, Context context) {
            last.put(t.f0, t.f1);
            count++;
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() throws IOException {
            Results.writerClosed();
            if (resultDir != null) {
                StringBuilder lines = new StringBuilder();
                lines.append(count).append(' ').append(openedMillis).append(' ').append(System.currentTimeMillis());
                for (Map.Entry<String, Long> e : last.entrySet()) {
                    lines.append('\n').append(e.getKey()).append(' ').append(e.getValue());
                }
                ClusterBench.writeResult(resultDir, lines.toString());
                return;
            }
            for (Map.Entry<String, Long> e : last.entrySet()) {
                if (Results.WORD_COUNTS.put(e.getKey(), e.getValue()) != null) {
                    Results.WORD_COLLISIONS.increment();
                }
            }
            Results.COUNT.add(count);
            last.clear();
            count = 0;
        }
    }
}
