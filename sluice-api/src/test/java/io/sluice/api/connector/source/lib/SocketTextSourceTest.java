package io.sluice.api.connector.source.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.connector.source.InputStatus;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.testutils.CollectingReaderOutput;
import io.sluice.api.connector.testutils.TestReaderContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocketTextSourceTest {
    private ServerSocket server;

    @BeforeEach
    void openServer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void closeServer() throws IOException {
        server.close();
    }

    /** Accepts one connection, writes the chunks (flushing each), then closes. */
    private CompletableFuture<Void> serve(String... chunks) {
        return CompletableFuture.runAsync(() -> {
            try (Socket socket = server.accept()) {
                OutputStream out = socket.getOutputStream();
                for (String chunk : chunks) {
                    out.write(chunk.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }

    private SourceReader<String, SocketSplit> startReader(SocketTextSource source) {
        SourceReader<String, SocketSplit> reader = source.createReader(new TestReaderContext());
        reader.start();
        reader.addSplits(List.of(new SocketSplit()));
        return reader;
    }

    private static List<String> readToEnd(SourceReader<String, SocketSplit> reader) throws Exception {
        CollectingReaderOutput<String> output = new CollectingReaderOutput<>();
        InputStatus status;
        do {
            status = reader.pollNext(output);
            if (status == InputStatus.NOTHING_AVAILABLE) {
                reader.isAvailable().get(10, TimeUnit.SECONDS);
            }
        } while (status != InputStatus.END_OF_INPUT);
        return output.records;
    }

    @Test
    void emitsLinesStripsCrAndEndsWhenServerCloses() throws Exception {
        CompletableFuture<Void> served = serve("first\nsec", "ond\r\n", "ümlaut\n\nlast-without-newline");
        try (SourceReader<String, SocketSplit> reader =
                startReader(new SocketTextSource("127.0.0.1", server.getLocalPort()))) {
            assertThat(readToEnd(reader)).containsExactly("first", "second", "ümlaut", "", "last-without-newline");
        }
        served.get(5, TimeUnit.SECONDS);
    }

    @Test
    void customDelimiterSplitAcrossReads() throws Exception {
        serve("a||b|", "|c||");
        try (SourceReader<String, SocketSplit> reader =
                startReader(new SocketTextSource("127.0.0.1", server.getLocalPort(), "||"))) {
            assertThat(readToEnd(reader)).containsExactly("a", "b", "c");
        }
    }

    @Test
    void pollReturnsNothingAvailableWhileServerIsSilent() throws Exception {
        CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
            try {
                return server.accept();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        try (SourceReader<String, SocketSplit> reader =
                        startReader(new SocketTextSource("127.0.0.1", server.getLocalPort()));
                Socket socket = accepted.get(5, TimeUnit.SECONDS)) {
            CollectingReaderOutput<String> output = new CollectingReaderOutput<>();
            assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
            CompletableFuture<Void> available = reader.isAvailable();
            assertThat(available).isNotDone();

            socket.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
            available.get(5, TimeUnit.SECONDS);
            assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
            assertThat(output.records).containsExactly("hello");
        }
    }

    @Test
    void closeWhileReaderThreadIsBlockedReturnsPromptly() throws Exception {
        CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
            try {
                return server.accept();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        SourceReader<String, SocketSplit> reader =
                startReader(new SocketTextSource("127.0.0.1", server.getLocalPort()));
        try (Socket socket = accepted.get(5, TimeUnit.SECONDS)) {
            Thread.sleep(50); // let the reader thread block in read()
            long start = System.nanoTime();
            reader.close();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).isLessThan(1000);
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().startsWith("socket-source-reader 127.0.0.1:" + server.getLocalPort()));
        }
    }

    @Test
    void connectionRefusedFailsPollNamingHostAndPort() throws Exception {
        int port = server.getLocalPort();
        server.close();
        try (SourceReader<String, SocketSplit> reader = startReader(new SocketTextSource("127.0.0.1", port))) {
            assertThatThrownBy(() -> readToEnd(reader))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith(
                            "Socket source 127.0.0.1:" + port + " failed: Could not connect to 127.0.0.1:" + port);
        }
    }

    @Test
    void readerWithoutSplitEndsOnNoMoreSplits() throws Exception {
        TestReaderContext context = new TestReaderContext();
        try (SourceReader<String, SocketSplit> reader =
                new SocketTextSource("127.0.0.1", server.getLocalPort()).createReader(context)) {
            reader.start();
            assertThat(context.splitRequests).isEqualTo(1);
            CollectingReaderOutput<String> output = new CollectingReaderOutput<>();
            assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
            reader.notifyNoMoreSplits();
            assertThat(reader.pollNext(output)).isEqualTo(InputStatus.END_OF_INPUT);
        }
    }
}
