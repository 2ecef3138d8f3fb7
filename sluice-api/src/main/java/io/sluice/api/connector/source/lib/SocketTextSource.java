package io.sluice.api.connector.source.lib;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.InputStatus;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.io.SimpleVersionedSerializer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source of the text lines a TCP server sends, behind {@code env.socketTextStream(host, port)}.
 * Ends when the server closes the connection. Not parallel: one split, so one reader reads.
 *
 * <p>Lines are split at the delimiter (default {@code "\n"}); with the default delimiter a trailing
 * {@code '\r'} is stripped, so CRLF input works. Text after the last delimiter is emitted as a last
 * line when the server closes. The bytes are decoded as UTF-8.
 *
 * <p>Threading: the reader never blocks the task thread. A daemon thread per reader (named after
 * the address and subtask) connects and reads, putting lines into a bounded queue; when the queue
 * is full it stops reading, so TCP flow control slows the server. {@code pollNext} on the task
 * thread drains the queue and returns {@link InputStatus#NOTHING_AVAILABLE} when it is empty; the
 * reader thread completes the availability future when it adds a line, ends or fails. Errors
 * (cannot connect, connection reset) are rethrown by {@code pollNext} naming {@code host:port}.
 */
public final class SocketTextSource implements Source<String, SocketSplit, Collection<SocketSplit>> {
    private static final long serialVersionUID = 1L;

    private final String hostname;
    private final int port;
    private final String delimiter;

    public SocketTextSource(String hostname, int port) {
        this(hostname, port, "\n");
    }

    public SocketTextSource(String hostname, int port, String delimiter) {
        if (hostname == null || hostname.isEmpty()) {
            throw new IllegalArgumentException("SocketTextSource: hostname must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("SocketTextSource: port " + port + " is not in [0, 65535]");
        }
        if (delimiter == null || delimiter.isEmpty()) {
            throw new IllegalArgumentException("SocketTextSource: delimiter must not be empty");
        }
        this.hostname = hostname;
        this.port = port;
        this.delimiter = delimiter;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<SocketSplit, Collection<SocketSplit>> createEnumerator(
            SplitEnumeratorContext<SocketSplit> enumContext) {
        return new StaticSplitEnumerator<>(enumContext, List.of(new SocketSplit()));
    }

    @Override
    public SplitEnumerator<SocketSplit, Collection<SocketSplit>> restoreEnumerator(
            SplitEnumeratorContext<SocketSplit> enumContext, Collection<SocketSplit> checkpoint) {
        return new StaticSplitEnumerator<>(enumContext, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<SocketSplit> getSplitSerializer() {
        return new SocketSplit.Serializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<SocketSplit>> getEnumeratorCheckpointSerializer() {
        return new SplitCollectionSerializer<>(new SocketSplit.Serializer());
    }

    @Override
    public SourceReader<String, SocketSplit> createReader(SourceReaderContext readerContext) {
        return new SocketReader(readerContext, hostname, port, delimiter);
    }

    /**
     * Task-thread side of the socket reader; the fields marked volatile are shared with its
     * {@link LineReaderThread}.
     */
    static final class SocketReader implements SourceReader<String, SocketSplit> {
        private static final Logger LOG = LoggerFactory.getLogger(SocketReader.class);
        static final int QUEUE_CAPACITY = 4096;
        private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
        private static final int MAX_LINES_PER_POLL = 1024;

        private final SourceReaderContext context;
        private final String hostname;
        private final int port;
        private final String delimiter;
        private final ArrayBlockingQueue<String> lines = new ArrayBlockingQueue<>(QUEUE_CAPACITY);

        // Task thread only.
        private final List<SocketSplit> splits = new ArrayList<>(1);
        private boolean noMoreSplits;
        private LineReaderThread thread;

        // Written by the reader thread, read by the task thread.
        private volatile boolean endOfStream;
        private volatile Throwable error;
        // Replaced by the task thread, completed by either thread.
        private volatile CompletableFuture<Void> availability = CompletableFuture.completedFuture(null);

        SocketReader(SourceReaderContext context, String hostname, int port, String delimiter) {
            this.context = context;
            this.hostname = hostname;
            this.port = port;
            this.delimiter = delimiter;
        }

        private String address() {
            return hostname + ":" + port;
        }

        @Override
        public void start() {
            context.sendSplitRequest();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<String> output) throws Exception {
            for (int i = 0; i < MAX_LINES_PER_POLL; i++) {
                String line = lines.poll();
                if (line == null) {
                    return i > 0 ? InputStatus.MORE_AVAILABLE : nothingQueued();
                }
                output.collect(line);
            }
            return InputStatus.MORE_AVAILABLE;
        }

        private InputStatus nothingQueued() throws Exception {
            if (thread == null) {
                if (noMoreSplits) {
                    return InputStatus.END_OF_INPUT;
                }
            } else if (endOfStream) {
                // The reader thread queues every line before it sets endOfStream.
                if (!lines.isEmpty()) {
                    return InputStatus.MORE_AVAILABLE;
                }
                Throwable failure = error;
                if (failure != null) {
                    throw new IOException("Socket source " + address() + " failed: " + failure.getMessage(), failure);
                }
                return InputStatus.END_OF_INPUT;
            }
            if (availability.isDone()) {
                availability = new CompletableFuture<>();
            }
            // A line or the end may have come between the poll and the new future: check again.
            if (!lines.isEmpty() || endOfStream) {
                availability.complete(null);
            }
            return InputStatus.NOTHING_AVAILABLE;
        }

        @Override
        public List<SocketSplit> snapshotState(long checkpointId) {
            return new ArrayList<>(splits);
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return availability;
        }

        @Override
        public void addSplits(List<SocketSplit> newSplits) {
            splits.addAll(newSplits);
            if (thread == null && !splits.isEmpty()) {
                thread = new LineReaderThread(
                        "socket-source-reader " + address() + " (subtask " + context.getIndexOfSubtask() + ")");
                thread.start();
            }
            availability.complete(null);
        }

        @Override
        public void notifyNoMoreSplits() {
            noMoreSplits = true;
            availability.complete(null);
        }

        /** Stops the reader thread: closes the socket (ends a blocked read) and interrupts a blocked put. */
        @Override
        public void close() throws InterruptedException {
            LineReaderThread t = thread;
            if (t != null) {
                t.shutdown();
                t.join(TimeUnit.SECONDS.toMillis(5));
                if (t.isAlive()) {
                    LOG.warn("Socket reader thread for {} did not stop within 5 s", address());
                }
            }
        }

        private void signalAvailable() {
            CompletableFuture<Void> f = availability;
            if (!f.isDone()) {
                f.complete(null);
            }
        }

        /** Connects, reads, splits lines, and queues them; owns the socket. */
        private final class LineReaderThread extends Thread {
            private volatile boolean stopped;
            private volatile Socket socket;

            LineReaderThread(String name) {
                super(name);
                setDaemon(true);
            }

            void shutdown() {
                stopped = true;
                closeSocket();
                interrupt();
            }

            private void closeSocket() {
                Socket s = socket;
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        LOG.debug("Closing the socket to {} failed", address(), e);
                    }
                }
            }

            @Override
            public void run() {
                try (Socket s = new Socket()) {
                    socket = s;
                    if (stopped) {
                        return;
                    }
                    try {
                        s.connect(new InetSocketAddress(hostname, port), CONNECT_TIMEOUT_MILLIS);
                    } catch (IOException e) {
                        throw new IOException(
                                "Could not connect to " + address() + " (" + e.getMessage()
                                        + "); is a server listening there?",
                                e);
                    }
                    LOG.info("Socket source connected to {}", address());
                    readLines(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                } catch (InterruptedException e) {
                    // close() interrupted a put into the full queue: we are done.
                } catch (Throwable t) {
                    if (!stopped) {
                        error = t;
                    }
                } finally {
                    endOfStream = true;
                    signalAvailable();
                }
            }

            private void readLines(Reader in) throws IOException, InterruptedException {
                char[] chars = new char[8192];
                StringBuilder buffer = new StringBuilder();
                boolean stripCr = delimiter.equals("\n");
                int n;
                while (!stopped && (n = in.read(chars)) != -1) {
                    buffer.append(chars, 0, n);
                    int start = 0;
                    int at;
                    // Search from before the appended chars: a delimiter may straddle two reads.
                    int searchFrom = Math.max(0, buffer.length() - n - delimiter.length() + 1);
                    while ((at = buffer.indexOf(delimiter, searchFrom)) != -1) {
                        int end = at;
                        if (stripCr && end > start && buffer.charAt(end - 1) == '\r') {
                            end--;
                        }
                        lines.put(buffer.substring(start, end));
                        signalAvailable();
                        start = at + delimiter.length();
                        searchFrom = start;
                    }
                    buffer.delete(0, start);
                }
                if (!stopped && buffer.length() > 0) {
                    int end = buffer.length();
                    if (stripCr && buffer.charAt(end - 1) == '\r') {
                        end--;
                    }
                    lines.put(buffer.substring(0, end));
                    signalAvailable();
                }
            }
        }
    }
}
