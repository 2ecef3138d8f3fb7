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

/**
 * Streams a job's records over TCP to a {@link CollectResultIterator} in the client program, for
 * {@code DataStream.executeAndCollect()}. Runs with parallelism 1, so results keep the sink's order.
 *
 * <p>Wire format: each record is a 4-byte big-endian length followed by the bytes the
 * {@link TypeSerializer} writes; a length of {@code -1} marks the end of the data. The writer
 * connects when it is created, buffers records and sends the buffer when it passes
 * {@value #SEND_THRESHOLD_BYTES} bytes, on {@link SinkWriter#flush} and at the end, never per
 * record. A slow client slows the job through TCP flow control: writes block the task thread until
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

    /** Owns the socket; task thread only. */
    private static final class CollectSinkWriter<T> implements SinkWriter<T> {
        private final TypeSerializer<T> serializer;
        private final Socket socket;
        private final OutputStream out;
        private final String address;
        private final DataOutputSerializer buffer = new DataOutputSerializer(SEND_THRESHOLD_BYTES + 1024);

        CollectSinkWriter(TypeSerializer<T> serializer, Socket socket, String address) throws IOException {
            this.serializer = serializer;
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.address = address;
        }

        @Override
        public void write(T element, Context context) throws IOException {
            int start = buffer.length();
            buffer.writeInt(0);
            serializer.serialize(element, buffer);
            int end = buffer.length();
            buffer.setPosition(start);
            buffer.writeInt(end - start - 4);
            buffer.setPosition(end);
            if (end >= SEND_THRESHOLD_BYTES) {
                send();
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
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
            socket.close();
        }
    }
}
