package io.sluice.api.connector.sink.lib;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import java.io.PrintStream;

/**
 * Prints each record's {@code toString()} on its own line to standard out (or standard error).
 *
 * <p>Each line gets a prefix that says where it came from: nothing at parallelism 1,
 * {@code "3> "} for subtask index 2 at a higher parallelism; with a sink identifier
 * {@code "id> "} at parallelism 1 and {@code "id:3> "} above. The stream is looked up when the
 * writer is created (so a redirected {@code System.out} is honoured) and flushed after every line:
 * this sink is for debugging, not throughput. The writer runs on its task thread.
 */
public final class PrintSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final String sinkIdentifier;
    private final boolean stdErr;

    /** Prints to standard out without an identifier. */
    public PrintSink() {
        this(null, false);
    }

    public PrintSink(boolean stdErr) {
        this(null, stdErr);
    }

    /**
     * @param sinkIdentifier prefix for every line, to tell several print sinks apart; may be null
     * @param stdErr true to print to standard error
     */
    public PrintSink(String sinkIdentifier, boolean stdErr) {
        this.sinkIdentifier = sinkIdentifier;
        this.stdErr = stdErr;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        PrintStream stream = stdErr ? System.err : System.out;
        return new PrintWriter<>(stream, prefix(context.getSubtaskId(), context.getNumberOfParallelSubtasks()));
    }

    String prefix(int subtask, int parallelism) {
        boolean hasId = sinkIdentifier != null && !sinkIdentifier.isEmpty();
        if (parallelism > 1) {
            return hasId ? sinkIdentifier + ":" + (subtask + 1) + "> " : (subtask + 1) + "> ";
        }
        return hasId ? sinkIdentifier + "> " : "";
    }

    private static final class PrintWriter<T> implements SinkWriter<T> {
        private final PrintStream stream;
        private final String prefix;

        PrintWriter(PrintStream stream, String prefix) {
            this.stream = stream;
            this.prefix = prefix;
        }

        @Override
        public void write(T element, Context context) {
            // One println per record, so lines of parallel subtasks do not interleave mid-line.
            stream.println(prefix.isEmpty() ? String.valueOf(element) : prefix + element);
            stream.flush();
        }

        @Override
        public void flush(boolean endOfInput) {
            stream.flush();
        }

        @Override
        public void close() {
            stream.flush();
        }
    }
}
