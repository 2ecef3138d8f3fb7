package io.sluice.benchmarks;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;

/** Discards longs, keeping their sum and count per writer; publishes them to {@link Results} on close. */
public final class SumSink implements Sink<Long> {
    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
        Results.writerOpened();
        return new Writer();
    }

    private static final class Writer implements SinkWriter<Long> {
        private long sum;
        private long count;

        @Override
        public void write(Long element, Context context) {
            sum += element;
            count++;
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {
            Results.writerClosed();
            Results.SUM.add(sum);
            Results.COUNT.add(count);
            sum = 0;
            count = 0;
        }
    }
}
