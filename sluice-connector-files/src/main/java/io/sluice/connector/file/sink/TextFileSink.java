package io.sluice.connector.file.sink;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes each record's {@code toString()} as a UTF-8 line ({@code \n}) to
 * {@code <directory>/part-<subtask>-<attempt>}, one file per subtask attempt. The directory is
 * created if needed; an existing file of the same name is replaced.
 *
 * <p>Not transactional: after a failure the files of the failed attempt stay as they were, and the
 * new attempt writes a new file, so output may be duplicated or partial. The writer buffers,
 * writes its buffer out on {@link SinkWriter#flush} and closes the file on {@link SinkWriter#close()};
 * it runs on its task thread.
 */
public final class TextFileSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final int BUFFER_SIZE = 64 * 1024;

    private final String directory;

    public TextFileSink(Path directory) {
        this.directory = directory.toString();
    }

    /** The file a subtask attempt writes. */
    public static Path partFile(Path directory, int subtask, int attemptNumber) {
        return directory.resolve("part-" + subtask + "-" + attemptNumber);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        Path dir = Path.of(directory);
        Path file = partFile(dir, context.getSubtaskId(), context.getAttemptNumber());
        try {
            Files.createDirectories(dir);
            Writer out = new BufferedWriter(
                    new OutputStreamWriter(
                            Files.newOutputStream(
                                    file,
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.TRUNCATE_EXISTING,
                                    StandardOpenOption.WRITE),
                            StandardCharsets.UTF_8),
                    BUFFER_SIZE);
            return new TextWriter<>(out, file);
        } catch (IOException e) {
            throw new IOException("TextFileSink: could not create " + file + ": " + e.getMessage(), e);
        }
    }

    private static final class TextWriter<T> implements SinkWriter<T> {
        private final Writer out;
        private final Path file;

        TextWriter(Writer out, Path file) {
            this.out = out;
            this.file = file;
        }

        @Override
        public void write(T element, Context context) throws IOException {
            out.write(String.valueOf(element));
            out.write('\n');
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw new IOException("TextFileSink: could not write to " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
