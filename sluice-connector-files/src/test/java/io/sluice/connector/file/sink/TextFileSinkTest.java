package io.sluice.connector.file.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileSinkTest {
    @TempDir
    Path dir;

    private static WriterInitContext context(int subtask, int parallelism, int attempt) {
        return new WriterInitContext() {
            @Override
            public TaskInfo getTaskInfo() {
                return new TaskInfo() {
                    @Override
                    public String getTaskName() {
                        return "sink";
                    }

                    @Override
                    public String getTaskNameWithSubtasks() {
                        return "sink (" + (subtask + 1) + "/" + parallelism + ")";
                    }

                    @Override
                    public int getIndexOfThisSubtask() {
                        return subtask;
                    }

                    @Override
                    public int getNumberOfParallelSubtasks() {
                        return parallelism;
                    }

                    @Override
                    public int getMaxNumberOfParallelSubtasks() {
                        return 128;
                    }

                    @Override
                    public int getAttemptNumber() {
                        return attempt;
                    }
                };
            }

            @Override
            public JobID getJobId() {
                return new JobID(3, 4);
            }

            @Override
            public ClassLoader getUserCodeClassLoader() {
                return getClass().getClassLoader();
            }

            @Override
            public boolean isObjectReuseEnabled() {
                return false;
            }
        };
    }

    private static List<String> listNames(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void eachSubtaskAttemptWritesItsOwnPartFileInANewDirectory() throws Exception {
        Path out = dir.resolve("out/nested");
        TextFileSink<Object> sink = new TextFileSink<>(out);
        try (SinkWriter<Object> w0 = sink.createWriter(context(0, 2, 0));
                SinkWriter<Object> w1 = sink.createWriter(context(1, 2, 3))) {
            w0.write("alpha", null);
            w0.write(42, null);
            w1.write("ümlaut", null);
            w0.flush(true);
            w1.flush(true);
        }
        assertThat(listNames(out)).containsExactly("part-0-0", "part-1-3");
        assertThat(Files.readString(out.resolve("part-0-0"), StandardCharsets.UTF_8))
                .isEqualTo("alpha\n42\n");
        assertThat(Files.readString(out.resolve("part-1-3"), StandardCharsets.UTF_8))
                .isEqualTo("ümlaut\n");
    }

    @Test
    void flushMakesBufferedLinesVisibleBeforeClose() throws Exception {
        TextFileSink<String> sink = new TextFileSink<>(dir);
        try (SinkWriter<String> writer = sink.createWriter(context(0, 1, 0))) {
            writer.write("a", null);
            assertThat(Files.readString(TextFileSink.partFile(dir, 0, 0))).isEmpty();
            writer.flush(false);
            assertThat(Files.readString(TextFileSink.partFile(dir, 0, 0))).isEqualTo("a\n");
        }
    }
}
