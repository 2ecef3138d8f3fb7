package io.sluice.benchmarks;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import java.io.IOException;

/**
 * Discards longs, keeping their sum and count per writer; publishes them to {@link Results} (or a
 * result file, on a process cluster) on close.
 */
public final class SumSink implements Sink<Long> {
    private final String resultDir;

    /** {@code resultDir} null: publish to {@link Results}; else write a result file there on close. */
    public SumSink(String resultDir) {
        this.resultDir = resultDir;
    }

    public SumSink() {
        this(null);
    }

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
        Results.writerOpened();
        return new Writer(resultDir);
    }

    private static final class Writer implements SinkWriter<Long> {
        private final String resultDir;
        private final long openedMillis = System.currentTimeMillis();
        private long sum;
        private long count;

        Writer(String resultDir) {
            this.resultDir = resultDir;
        }

        @Override
        public void write(Long element, Context context) {
            sum += element;
            count++;
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() throws IOException {
            Results.writerClosed();
            if (resultDir != null) {
                ClusterBench.writeResult(
                        resultDir, sum + " " + count + " " + openedMillis + " " + System.currentTimeMillis());
                return;
            }
            Results.SUM.add(sum);
            Results.COUNT.add(count);
            sum = 0;
            count = 0;
        }
    }
}
