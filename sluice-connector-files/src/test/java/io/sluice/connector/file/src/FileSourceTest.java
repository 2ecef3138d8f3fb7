package io.sluice.connector.file.src;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.connector.source.InputStatus;
import io.sluice.api.connector.source.ReaderInfo;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.SourceEvent;
import io.sluice.api.connector.source.SourceOutput;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.connector.source.SplitsAssignment;
import io.sluice.api.eventtime.Watermark;
import io.sluice.connector.file.src.reader.TextLineInputFormat;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {
    @TempDir
    Path dir;

    private void write(String relative, String content) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Enumerator and readers wired directly; every call on the test thread. */
    private static final class Harness implements SplitEnumeratorContext<FileSourceSplit> {
        final List<SourceReader<String, FileSourceSplit>> readers = new ArrayList<>();
        final List<String> log = new ArrayList<>();
        final int parallelism;
        SplitEnumerator<FileSourceSplit, Collection<FileSourceSplit>> enumerator;

        Harness(FileSource<String> source, int parallelism) throws Exception {
            this.parallelism = parallelism;
            enumerator = source.createEnumerator(this);
            enumerator.start();
            for (int i = 0; i < parallelism; i++) {
                int subtask = i;
                readers.add(source.createReader(new SourceReaderContext() {
                    @Override
                    public void sendSplitRequest() {
                        enumerator.handleSplitRequest(subtask, "localhost");
                    }

                    @Override
                    public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {}

                    @Override
                    public int getIndexOfSubtask() {
                        return subtask;
                    }

                    @Override
                    public int currentParallelism() {
                        return parallelism;
                    }

                    @Override
                    public ClassLoader getUserCodeClassLoader() {
                        return getClass().getClassLoader();
                    }
                }));
            }
        }

        List<String> runToEnd(int subtask) throws Exception {
            ListOutput output = new ListOutput();
            SourceReader<String, FileSourceSplit> reader = readers.get(subtask);
            InputStatus status;
            do {
                status = reader.pollNext(output);
                assertThat(status).isNotEqualTo(InputStatus.NOTHING_AVAILABLE);
            } while (status != InputStatus.END_OF_INPUT);
            return output.records;
        }

        @Override
        public int currentParallelism() {
            return parallelism;
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            return Map.of();
        }

        @Override
        public void assignSplits(SplitsAssignment<FileSourceSplit> assignment) {
            assignment.assignment().forEach((subtask, splits) -> {
                for (FileSourceSplit split : splits) {
                    log.add(subtask + ":" + dirRelative(split.path()));
                }
                readers.get(subtask).addSplits(splits);
            });
        }

        String dirRelative(String path) {
            return Path.of(path).getFileName().toString();
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            log.add(subtask + ":none");
            readers.get(subtask).notifyNoMoreSplits();
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {}

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {}

        @Override
        public <T> void callAsync(Callable<T> c, BiConsumer<T, Throwable> h, long initialDelay, long period) {}

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            runnable.run();
        }
    }

    static final class ListOutput implements ReaderOutput<String> {
        final List<String> records = new ArrayList<>();

        @Override
        public void collect(String record) {
            records.add(record);
        }

        @Override
        public void collect(String record, long timestamp) {
            records.add(record);
        }

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}

        @Override
        public SourceOutput<String> createOutputForSplit(String splitId) {
            return this;
        }

        @Override
        public void releaseOutputForSplit(String splitId) {}
    }

    @Test
    void directoryIsListedRecursivelySortedWithoutHiddenFiles() throws Exception {
        write("b.txt", "b1\nb2\n");
        write("a.txt", "a1\r\na2"); // CRLF, last line without newline
        write("nested/c.txt", "c1\n");
        write(".hidden.txt", "secret\n");
        write("_SUCCESS", "marker\n");
        write(".staging/d.txt", "staged\n");
        write("_tmp/e.txt", "tmp\n");
        write("empty.txt", "");

        FileSource<String> source =
                FileSource.forRecordStreamFormat(new TextLineInputFormat(), dir).build();
        assertThat(source.enumerateSplits())
                .extracting(split ->
                        dir.toAbsolutePath().relativize(Path.of(split.path())).toString())
                .containsExactly("a.txt", "b.txt", "empty.txt", "nested/c.txt");

        Harness harness = new Harness(source, 1);
        harness.readers.get(0).start();
        assertThat(harness.runToEnd(0)).containsExactly("a1", "a2", "b1", "b2", "c1");
        assertThat(harness.log).containsExactly("0:a.txt", "0:b.txt", "0:empty.txt", "0:c.txt", "0:none");
    }

    @Test
    void splitsGoToReadersInRequestOrder_oneFilePerRequest() throws Exception {
        write("1.txt", "one\n");
        write("2.txt", "two\n");
        write("3.txt", "three\n");
        Harness harness = new Harness(
                FileSource.forRecordStreamFormat(new TextLineInputFormat(), dir).build(), 2);
        harness.readers.get(0).start();
        harness.readers.get(1).start();
        assertThat(harness.log).containsExactly("0:1.txt", "1:2.txt");
        assertThat(harness.runToEnd(1)).containsExactly("two", "three");
        assertThat(harness.runToEnd(0)).containsExactly("one");
        assertThat(harness.log).containsExactly("0:1.txt", "1:2.txt", "1:3.txt", "1:none", "0:none");
    }

    @Test
    void explicitFileAndDirectoryTogether() throws Exception {
        write("x/only.txt", "x\n");
        write("y.txt", "y\n");
        FileSource<String> source = FileSource.forRecordStreamFormat(
                        new TextLineInputFormat(), dir.resolve("y.txt"), dir.resolve("x"))
                .build();
        Harness harness = new Harness(source, 1);
        harness.readers.get(0).start();
        assertThat(harness.runToEnd(0)).containsExactly("x", "y");
    }

    @Test
    void manyLinesSpanBatchesAndCheckpointResumesAtTheLine() throws Exception {
        List<String> lines = IntStream.range(0, 3000).mapToObj(i -> "line " + i).collect(Collectors.toList());
        write("big.txt", String.join("\n", lines) + "\n");
        FileSource<String> source =
                FileSource.forRecordStreamFormat(new TextLineInputFormat(), dir).build();
        Harness harness = new Harness(source, 1);
        SourceReader<String, FileSourceSplit> reader = harness.readers.get(0);
        reader.start();
        ListOutput output = new ListOutput();
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(output.records).isEqualTo(lines.subList(0, 1024));
        List<FileSourceSplit> state = reader.snapshotState(1);
        assertThat(state).hasSize(1);
        assertThat(state.get(0).recordsToSkip()).isEqualTo(1024);
        reader.close();

        Harness restored = new Harness(source, 1);
        restored.readers.get(0).addSplits(state);
        restored.readers.get(0).notifyNoMoreSplits();
        assertThat(restored.runToEnd(0)).isEqualTo(lines.subList(1024, 3000));
    }

    @Test
    void missingPathFailsEnumeratorCreationNamingThePath() {
        Path missing = dir.resolve("no-such-dir");
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), missing)
                .build();
        assertThatThrownBy(() -> new Harness(source, 1))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("FileSource: input path '" + missing + "' does not exist (resolved to "
                        + missing.toAbsolutePath()
                        + " on the JobManager); check the path given to forRecordStreamFormat");
    }

    @Test
    void splitSerializerRoundTrips() throws Exception {
        FileSourceSplit split = new FileSourceSplit("4", "/tmp/ä b.txt", 17);
        FileSourceSplit.Serializer serializer = new FileSourceSplit.Serializer();
        assertThat(serializer.deserialize(1, serializer.serialize(split))).isEqualTo(split);
    }
}
