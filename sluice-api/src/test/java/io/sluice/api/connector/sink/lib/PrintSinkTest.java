package io.sluice.api.connector.sink.lib;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.testutils.TestWriterInitContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrintSinkTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void redirect() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, false, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private static void writeAll(PrintSink<Object> sink, int subtask, int parallelism, Object... values)
            throws Exception {
        try (SinkWriter<Object> writer = sink.createWriter(new TestWriterInitContext(subtask, parallelism))) {
            for (Object value : values) {
                writer.write(value, null);
            }
            writer.flush(true);
        }
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void parallelismOneHasNoPrefix() throws Exception {
        writeAll(new PrintSink<>(), 0, 1, "a", 42, null);
        assertThat(printed()).isEqualTo("a\n42\nnull\n");
    }

    @Test
    void higherParallelismPrefixesOneBasedSubtask() throws Exception {
        writeAll(new PrintSink<>(), 1, 3, "a", "b");
        assertThat(printed()).isEqualTo("2> a\n2> b\n");
    }

    @Test
    void identifierAtParallelismOne() throws Exception {
        writeAll(new PrintSink<>("totals", false), 0, 1, "x");
        assertThat(printed()).isEqualTo("totals> x\n");
    }

    @Test
    void identifierAtHigherParallelism() throws Exception {
        writeAll(new PrintSink<>("totals", false), 2, 4, "x");
        assertThat(printed()).isEqualTo("totals:3> x\n");
    }

    @Test
    void stdErrGoesToStandardError() throws Exception {
        writeAll(new PrintSink<>(true), 0, 2, "oops");
        assertThat(printed()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("1> oops\n");
    }
}
