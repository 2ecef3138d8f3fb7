package io.sluice.api.connector.sink.lib;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Streams a job's records over TCP to a {@link CollectResultIterator} in the client program, for
 * {@code DataStream.executeAndCollect()}. Runs with parallelism 1, so results keep the sink's order.
 *
 * <p>Wire format: each record is a 4-byte big-endian length followed by the bytes the
 * {@link TypeSerializer} writes; a length of {@code -1} marks the end of the data. The writer
 * connects when it is created, buffers records and sends the buffer when it passes
 * {@value #SEND_THRESHOLD_BYTES} bytes, when its oldest record has waited {@value #LINGER_MILLIS} ms
 * (a small daemon flusher sends it if no record follows), on {@link SinkWriter#flush} and at the
 * end: never a socket write per record, and never a record held back for long on an unbounded
 * job. A slow client slows the job through TCP flow control: writes block the task thread until
 * the client reads.
 *
 * <p>Restarts are not yet exactly-once: a restarted sink connects again and sends its records from
 * wherever its source resumed, so the client may see some records twice.
 */
public final class CollectSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    /** The length value that marks the end of the data. */
    static final int END_OF_DATA = -1;

    static final int SEND_THRESHOLD_BYTES = 64 * 1024;
    /** The longest a record waits in the buffer before it is sent. */
    static final long LINGER_MILLIS = 20;

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final TypeSerializer<T> serializer;
    private final String host;
    private final int port;

    public CollectSink(TypeSerializer<T> serializer, String host, int port) {
        this.serializer = serializer;
        this.host = host;
        this.port = port;
    }

    public String getHost() {
        return host;
    }

    public int getPort() {
        return port;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            socket.close();
            throw new IOException(
                    "Collect sink could not connect to the client at " + host + ":" + port + " (" + e.getMessage()
                            + "); is the program that called executeAndCollect() still running?",
                    e);
        }
        return new CollectSinkWriter<>(serializer.duplicate(), socket, host + ":" + port);
    }

    /**
     * Owns the socket. The task thread writes; a daemon flusher sends records that waited
     * {@value #LINGER_MILLIS} ms. Both hold the writer's lock while touching the buffer; the first
     * send error wins and is rethrown on the task thread.
     */
    private static final class CollectSinkWriter<T> implements SinkWriter<T> {
        private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);

        private final TypeSerializer<T> serializer;
        private final Socket socket;
        private final OutputStream out;
        private final String address;
        private final DataOutputSerializer buffer = new DataOutputSerializer(SEND_THRESHOLD_BYTES + 1024);
        private final ScheduledExecutorService flusher;
        private long firstPendingNanos;
        private IOException asyncError;
        private boolean closed;

        CollectSinkWriter(TypeSerializer<T> serializer, Socket socket, String address) throws IOException {
            this.serializer = serializer;
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.address = address;
            this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "collect-sink-flusher " + address);
                t.setDaemon(true);
                return t;
            });
            flusher.scheduleWithFixedDelay(this::flushIfLingering, LINGER_MILLIS, LINGER_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public synchronized void write(T element, Context context) throws IOException {
            checkAsyncError();
            int start = buffer.length();
            if (start == 0) {
                firstPendingNanos = System.nanoTime();
            }
            buffer.writeInt(0);
            serializer.serialize(element, buffer);
            int end = buffer.length();
            buffer.setPosition(start);
            buffer.writeInt(end - start - 4);
            buffer.setPosition(end);
            if (end >= SEND_THRESHOLD_BYTES || System.nanoTime() - firstPendingNanos >= LINGER_NANOS) {
                send();
            }
        }

        private synchronized void flushIfLingering() {
            if (closed || asyncError != null || buffer.length() == 0) {
                return;
            }
            try {
                send();
            } catch (IOException e) {
                asyncError = e;
            }
        }

        private void checkAsyncError() throws IOException {
            if (asyncError != null) {
                throw asyncError;
            }
        }

        @Override
        public synchronized void flush(boolean endOfInput) throws IOException {
            checkAsyncError();
            if (endOfInput) {
                buffer.writeInt(END_OF_DATA);
            }
            send();
        }

        private void send() throws IOException {
            if (buffer.length() == 0) {
                return;
            }
            try {
                out.write(buffer.getSharedBuffer(), 0, buffer.length());
                out.flush();
            } catch (IOException e) {
                throw new IOException(
                        "Collect sink lost its connection to the client at " + address + " (" + e.getMessage()
                                + "); did the client close the result iterator?",
                        e);
            }
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            flusher.shutdownNow();
            synchronized (this) {
                closed = true;
            }
            socket.close();
        }
    }
}
