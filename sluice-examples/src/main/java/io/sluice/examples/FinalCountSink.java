package io.sluice.examples;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import io.sluice.api.tuple.Tuple2;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the highest count seen per word and, at the end of a bounded input, writes one
 * {@code word count} line per word, sorted by word: to {@code <directory>/part-<subtask>} when a
 * directory is given, else to standard output.
 *
 * <p>A rolling {@code keyBy(word).sum(1)} emits every intermediate count; counts of a word only
 * grow, so the highest one seen is the final one, whatever order the updates arrive in. Nothing is
 * written when the input does not end (an unbounded source) or the job fails: the writer writes in
 * {@link SinkWriter#flush(boolean) flush(true)} only. Runs on its task thread.
 */
public final class FinalCountSink implements Sink<Tuple2<String, Long>> {
    private static final long serialVersionUID = 1L;

    private final String directory;

    /** Writes the final counts to {@code directory/part-<subtask>}, or to stdout when null. */
    public FinalCountSink(Path directory) {
        this.directory = directory == null ? null : directory.toString();
    }

    /** The file a subtask writes. */
    public static Path partFile(Path directory, int subtask) {
        return directory.resolve("part-" + subtask);
    }

    @Override
    public SinkWriter<Tuple2<String, Long>> createWriter(WriterInitContext context) {
        Path file = directory == null ? null : partFile(Path.of(directory), context.getSubtaskId());
        return new FinalCountWriter(file);
    }

    private static final class FinalCountWriter implements SinkWriter<Tuple2<String, Long>> {
        private final Path file;
        private final Map<String, Long> counts = new TreeMap<>();

        FinalCountWriter(Path file) {
            this.file = file;
        }

        @Override
        public void write(Tuple2<String, Long> element, Context context) {
            counts.merge(element.f0, element.f1, Math::max);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (!endOfInput) {
                return;
            }
            StringBuilder text = new StringBuilder();
            counts.forEach(
                    (word, count) -> text.append(word).append(' ').append(count).append('\n'));
            if (file == null) {
                PrintStream out = System.out;
                out.print(text);
                out.flush();
                return;
            }
            try {
                Files.createDirectories(file.getParent());
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    w.write(text.toString());
                }
            } catch (IOException e) {
                throw new IOException("FinalCountSink: could not write " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {}
    }
}
