package io.sluice.runtime.e2e.process.programs;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.tuple.Tuple2;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A word count for the process tests, packed into a job jar at test time (so its classes reach the
 * cluster only through the jar): {@code records} numbers become words {@code w0..w(words-1)}, counted
 * per word across a keyBy (at the parallelism the run asks for); every running count is written to
 * {@code out/attempt-<a>/part-<subtask>}. Arguments: {@code out records words [sleepEveryN sleepMs]}:
 * the source sleeps {@code sleepMs} after every {@code sleepEveryN} records to keep the job running.
 */
public final class ProcessWordCount {
    private ProcessWordCount() {}

    public static void main(String[] args) throws Exception {
        String out = args[0];
        long records = Long.parseLong(args[1]);
        int words = Integer.parseInt(args[2]);
        long sleepEvery = args.length > 3 ? Long.parseLong(args[3]) : 0;
        long sleepMs = args.length > 4 ? Long.parseLong(args[4]) : 0;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, records)
                .map(new ToWord(words, sleepEvery, sleepMs))
                .keyBy(t -> t.f0)
                .sum(1)
                .map(t -> t.f0 + "," + t.f1)
                .sinkTo(new LineFileSink(out));
        env.execute("process word count");
    }

    /** Number to (word, 1); sleeps now and then when asked to. */
    public static final class ToWord implements MapFunction<Long, Tuple2<String, Long>> {
        private final int words;
        private final long sleepEvery;
        private final long sleepMs;

        public ToWord(int words, long sleepEvery, long sleepMs) {
            this.words = words;
            this.sleepEvery = sleepEvery;
            this.sleepMs = sleepMs;
        }

        @Override
        public Tuple2<String, Long> map(Long value) throws Exception {
            if (sleepEvery > 0 && value % sleepEvery == 0) {
                Thread.sleep(sleepMs);
            }
            return Tuple2.of("w" + (value % words), 1L);
        }
    }

    /** Writes each line to {@code dir/attempt-<a>/part-<subtask>}, flushed at the end of input. */
    public static final class LineFileSink implements Sink<String> {
        private final String dir;

        public LineFileSink(String dir) {
            this.dir = dir;
        }

        @Override
        public SinkWriter<String> createWriter(WriterInitContext context) throws IOException {
            Path attemptDir = Path.of(dir, "attempt-" + context.getAttemptNumber());
            Files.createDirectories(attemptDir);
            BufferedWriter writer = Files.newBufferedWriter(attemptDir.resolve("part-" + context.getSubtaskId()));
            return new SinkWriter<>() {
                @Override
                public void write(String element, Context ctx) throws IOException {
                    writer.write(element);
                    writer.newLine();
                }

                @Override
                public void flush(boolean endOfInput) throws IOException {
                    writer.flush();
                }

                @Override
                public void close() throws IOException {
                    writer.close();
                }
            };
        }
    }
}
