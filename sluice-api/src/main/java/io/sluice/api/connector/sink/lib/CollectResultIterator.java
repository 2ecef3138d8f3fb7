package io.sluice.api.connector.sink.lib;

import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.util.CloseableIterator;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of {@link CollectSink}: a server socket the sink connects to, read as an iterator.
 *
 * <p>Use: create it (it listens on 127.0.0.1, an ephemeral port) before submitting the job, put
 * {@link #createSink()} into the job, submit, call {@link #attachJobTermination} with the job's
 * result future, then iterate. {@link #hasNext()} blocks until a record arrives (true), the sink's
 * end-of-data marker arrives (false), or the job ends without it: if the job failed it throws a
 * {@link RuntimeException} whose cause is the job's failure; if it finished without the marker it
 * throws an {@link IllegalStateException} saying so. Without {@link #attachJobTermination},
 * {@code hasNext} waits for the end marker indefinitely. After {@link #close()} before the end,
 * {@code hasNext} throws {@link IllegalStateException}.
 *
 * <p>Memory stays bounded: records are read from the socket one at a time as the caller asks, so a
 * slow caller slows the sink through TCP flow control.
 *
 * <p>Only one sink connection is served at a time. If the connection breaks before the end marker
 * (a restarted sink subtask), the iterator waits for the next connection and goes on reading;
 * records the old attempt sent are not taken back, so restarts are not exactly-once yet.
 *
 * <p>Threading: {@code hasNext}, {@code next} and {@code close} belong to one consumer thread. The
 * job-termination callback may run on any thread: it only sets volatile fields and, on failure,
 * closes the sockets to wake a blocked read.
 */
public final class CollectResultIterator<T> implements CloseableIterator<T> {
    private static final Logger LOG = LoggerFactory.getLogger(CollectResultIterator.class);
    private static final int POLL_MILLIS = 100;
    /** How long after the job finished the sink's last bytes may still be in flight. */
    private static final long FINISH_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final TypeSerializer<T> serializer;
    private final ServerSocket serverSocket;
    private final DataInputDeserializer recordView = new DataInputDeserializer();

    // Consumer thread only (connection also closed by the termination callback).
    private volatile Socket connection;
    private InputStream in;
    private byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean hasPeeked;
    private T peeked;
    private boolean ended;
    private long received;

    // Written by the job-termination callback or close().
    private volatile Throwable jobFailure;
    private volatile boolean jobFinished;
    private volatile long jobFinishedNanos;
    private volatile boolean closed;

    /** Opens the server socket on 127.0.0.1 with an ephemeral port. */
    public CollectResultIterator(TypeSerializer<T> serializer) throws IOException {
        this.serializer = serializer.duplicate();
        this.serverSocket = new ServerSocket();
        try {
            serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            serverSocket.setSoTimeout(POLL_MILLIS);
        } catch (IOException e) {
            serverSocket.close();
            throw new IOException("Could not open a server socket on 127.0.0.1 to collect results: " + e, e);
        }
    }

    public String getHost() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    public int getPort() {
        return serverSocket.getLocalPort();
    }

    /** The sink to put into the job; it connects back to this iterator. */
    public CollectSink<T> createSink() {
        return new CollectSink<>(serializer, getHost(), getPort());
    }

    /**
     * Lets the iterator learn how the job ended. If the future completes exceptionally, a blocked or
     * later {@link #hasNext()} throws with that failure as the cause.
     */
    public void attachJobTermination(CompletableFuture<?> jobResult) {
        jobResult.whenComplete((result, failure) -> {
            if (failure != null) {
                jobFailure = unwrap(failure);
                closeQuietly(connection);
                closeQuietly(serverSocket);
            } else {
                jobFinishedNanos = System.nanoTime();
                jobFinished = true;
            }
        });
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public boolean hasNext() {
        if (hasPeeked) {
            return true;
        }
        if (ended) {
            return false;
        }
        while (true) {
            checkTermination();
            try {
                if (connection == null) {
                    accept();
                } else if (readFrame()) {
                    return !ended;
                } else {
                    connectionLost(null);
                }
            } catch (SocketTimeoutException e) {
                // Nothing yet: loop to check termination.
            } catch (IOException e) {
                checkTermination();
                connectionLost(e);
            }
        }
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more collected results");
        }
        T result = peeked;
        peeked = null;
        hasPeeked = false;
        return result;
    }

    /** Stops listening and drops the connection; the job's sink then fails if still writing. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(connection);
        closeQuietly(serverSocket);
    }

    private void checkTermination() {
        Throwable failure = jobFailure;
        if (failure != null) {
            throw new RuntimeException("The job failed, so collecting its results failed: " + failure, failure);
        }
        if (closed) {
            throw new IllegalStateException("The result iterator was closed");
        }
        if (jobFinished && System.nanoTime() - jobFinishedNanos > FINISH_GRACE_NANOS) {
            throw new IllegalStateException("The job finished, but the collect sink's end-of-data marker never"
                    + " arrived (" + received + " records received" + (connection == null ? ", no sink connected" : "")
                    + "); results may be incomplete. Did the job contain the CollectSink of this iterator?");
        }
    }

    private void accept() throws IOException {
        Socket socket = serverSocket.accept();
        socket.setSoTimeout(POLL_MILLIS);
        in = socket.getInputStream();
        position = 0;
        limit = 0;
        connection = socket;
        if (jobFailure != null) {
            closeQuietly(socket);
        }
    }

    private void connectionLost(IOException cause) {
        LOG.warn(
                "The collect sink's connection closed before the end of the data ({} records received);"
                        + " waiting for a restarted sink to connect",
                received,
                cause);
        closeQuietly(connection);
        connection = null;
        in = null;
    }

    /** Reads one frame into {@link #peeked} or sets {@link #ended}; false if the connection ended first. */
    private boolean readFrame() throws IOException {
        if (!fill(4)) {
            return false;
        }
        int length = readInt(position);
        if (length == CollectSink.END_OF_DATA) {
            position += 4;
            ended = true;
            close();
            return true;
        }
        if (length < 0) {
            throw new IOException("Corrupt collect stream: record length " + length);
        }
        if (!fill(4 + length)) {
            return false;
        }
        recordView.setBuffer(buffer, position + 4, length);
        peeked = serializer.deserialize(recordView);
        hasPeeked = true;
        position += 4 + length;
        received++;
        return true;
    }

    /** Makes {@code n} bytes available from {@link #position}; false at the end of the stream. */
    private boolean fill(int n) throws IOException {
        if (limit - position >= n) {
            return true;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(n, 2 * buffer.length));
        }
        while (limit < n) {
            int read;
            try {
                read = in.read(buffer, limit, buffer.length - limit);
            } catch (SocketTimeoutException e) {
                checkTermination();
                continue;
            }
            if (read < 0) {
                return false;
            }
            limit += read;
        }
        return true;
    }

    private int readInt(int at) {
        return ((buffer[at] & 0xFF) << 24)
                | ((buffer[at + 1] & 0xFF) << 16)
                | ((buffer[at + 2] & 0xFF) << 8)
                | (buffer[at + 3] & 0xFF);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("Closing {} failed", closeable, e);
            }
        }
    }
}
