package io.sluice.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketWordCountTest {
    private static final String TEXT = "the quick fox\nThe lazy dog, the END\r\nfox\n";

    @Test
    void parallelismOne_printsEveryRollingCountInArrivalOrder() throws Exception {
        List<String> printed = runAgainstServer(1);
        assertThat(printed)
                .containsExactly("the 1", "quick 1", "fox 1", "the 2", "lazy 1", "dog 1", "the 3", "end 1", "fox 2");
    }

    @Test
    void parallelismTwo_printsEachWordsCountsInOrderFromOneSubtask() throws Exception {
        List<String> printed = runAgainstServer(2);
        List<String> withoutPrefix = new ArrayList<>();
        for (String line : printed) {
            assertThat(line).matches("[12]> .*");
            withoutPrefix.add(line.substring(3));
        }
        assertThat(withoutPrefix)
                .containsExactlyInAnyOrder(
                        "the 1", "quick 1", "fox 1", "the 2", "lazy 1", "dog 1", "the 3", "end 1", "fox 2");
        assertThat(withoutPrefix.stream().filter(l -> l.startsWith("the "))).containsExactly("the 1", "the 2", "the 3");
        assertThat(printed.stream()
                        .filter(l -> l.contains("fox "))
                        .map(l -> l.substring(0, 2))
                        .distinct())
                .hasSize(1);
    }

    /** Serves {@link #TEXT} once on 127.0.0.1, runs the example, returns what it printed. */
    private static List<String> runAgainstServer(int parallelism) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept();
                        OutputStream out = s.getOutputStream()) {
                    out.write(TEXT.getBytes(StandardCharsets.UTF_8));
                } catch (Exception e) {
                    throw new IllegalStateException("test server failed", e);
                }
            });
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream previous = System.out;
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                SocketWordCount.run(
                        "127.0.0.1",
                        server.getLocalPort(),
                        ExampleArgs.parse(
                                "SocketWordCount",
                                new String[] {"--parallelism", String.valueOf(parallelism)},
                                SocketWordCount.ARGUMENTS));
            } finally {
                System.setOut(previous);
            }
            served.get(10, TimeUnit.SECONDS);
            String text = captured.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }
    }
}
