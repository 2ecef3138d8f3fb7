package io.sluice.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.configuration.MemorySize;
import io.sluice.connector.file.sink.FileSink;
import io.sluice.connector.file.sink.SimpleStringEncoder;
import io.sluice.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.sluice.connector.file.sink.rollingpolicies.DefaultRollingPolicy;
import io.sluice.connector.file.sink.rollingpolicies.OnCheckpointRollingPolicy;
import io.sluice.runtime.graph.StreamNode;
import io.sluice.runtime.state.MemoryCheckpointStreamFactory;
import io.sluice.runtime.state.OperatorRestore;
import io.sluice.runtime.state.OperatorSubtaskState;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FileSink through {@link SinkWriterOperator}: checkpoints, failures (a new operator restored
 * from a snapshot, the input replayed from the checkpoint) and the end of input. The directory
 * must hold every record exactly once, and nothing that came after the last completed checkpoint
 * of a failed run.
 */
class FileSinkOperatorTest {
    @TempDir
    Path dir;

    /** Parts roll after three 4-byte records (12 > 8 bytes), so parts span checkpoints. */
    private FileSink<String> sink() {
        return FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(DefaultRollingPolicy.builder()
                        .withMaxPartSize(new MemorySize(8))
                        .build())
                .build();
    }

    private SinkWriterOperator<String> start(FileSink<String> sink, OperatorSubtaskState restoreFrom, long checkpointId)
            throws Exception {
        return startRestoring(sink, restoreFrom == null ? List.of() : List.of(restoreFrom), checkpointId);
    }

    /** A subtask (1 of 1), fresh or restoring what the old subtasks wrote into a checkpoint. */
    private SinkWriterOperator<String> startRestoring(
            FileSink<String> sink, List<OperatorSubtaskState> oldSubtasks, long checkpointId) throws Exception {
        OperatorHarness harness = new OperatorHarness();
        SinkWriterOperator<String> op =
                harness.setup(new SinkWriterOperator<>(sink), StreamNode.Kind.SINK, null, null, null);
        op.initializeState(
                oldSubtasks.isEmpty()
                        ? StateInitializationContext.FRESH
                        : new StateInitializationContext(new OperatorRestore(checkpointId, oldSubtasks)));
        op.open();
        return op;
    }

    private static void write(SinkWriterOperator<String> op, int from, int to) throws Exception {
        for (int i = from; i <= to; i++) {
            op.processElement(new StreamRecord<>(String.format("r%02d", i)));
        }
    }

    private static OperatorSubtaskState checkpoint(SinkWriterOperator<String> op, long checkpointId) throws Exception {
        op.prepareSnapshotPreBarrier(checkpointId);
        return op.snapshotState(checkpointId, 0).write(new MemoryCheckpointStreamFactory());
    }

    private static List<String> records(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(String.format("r%02d", i));
        }
        return out;
    }

    /** Every line of every file a reader sees (names starting with '.' or '_' skipped), sorted. */
    private List<String> visibleRecords() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".") && !name.startsWith("_")) {
                    lines.addAll(Files.readAllLines(f));
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    @Test
    void whenCheckpointCompletes_thenItsRecordsBecomeVisibleAndNothingElse() throws Exception {
        SinkWriterOperator<String> op = start(sink(), null, 0);
        write(op, 1, 7);
        checkpoint(op, 1);
        assertThat(visibleRecords()).isEmpty();
        write(op, 8, 9);
        op.notifyCheckpointComplete(1);
        // checkpoint 1 held the parts r01-r03 and r04-r06; r07 is in an open part (4 bytes, no roll)
        assertThat(visibleRecords()).isEqualTo(records(1, 6));
        op.close();
    }

    @Test
    void whenFailingAfterACompletedCheckpoint_thenRestoreKeepsItsRecordsAndDropsWhatCameAfter() throws Exception {
        FileSink<String> sink = sink();
        SinkWriterOperator<String> op = start(sink, null, 0);
        write(op, 1, 5);
        OperatorSubtaskState cp1 = checkpoint(op, 1);
        op.notifyCheckpointComplete(1);
        write(op, 6, 10);
        checkpoint(op, 2); // never completes
        write(op, 11, 13);
        op.close(); // the failure
        assertThat(visibleRecords()).isEqualTo(records(1, 3));

        // the job restarts from checkpoint 1; the source replays from r06
        SinkWriterOperator<String> restored = start(sink, cp1, 1);
        write(restored, 6, 13);
        restored.finish();
        restored.close();
        assertThat(visibleRecords()).isEqualTo(records(1, 13));
    }

    @Test
    void whenFailingBeforeTheCompletionNotification_thenRestoreCommitsTheRestoredCommittablesFirst() throws Exception {
        FileSink<String> sink = sink();
        SinkWriterOperator<String> op = start(sink, null, 0);
        write(op, 1, 8);
        OperatorSubtaskState cp1 = checkpoint(op, 1); // completes, but the notification never arrives
        write(op, 9, 11);
        op.close();
        assertThat(visibleRecords()).isEmpty();

        SinkWriterOperator<String> restored = start(sink, cp1, 1);
        assertThat(visibleRecords()).isEqualTo(records(1, 6)); // committed while initializing
        write(restored, 9, 12);
        restored.finish();
        restored.close();
        assertThat(visibleRecords()).isEqualTo(records(1, 12));
    }

    @Test
    void whenTheRestoredCommittablesWereCommittedBefore_thenCommittingThemAgainChangesNothing() throws Exception {
        FileSink<String> sink = sink();
        SinkWriterOperator<String> op = start(sink, null, 0);
        write(op, 1, 6);
        OperatorSubtaskState cp1 = checkpoint(op, 1);
        op.notifyCheckpointComplete(1);
        write(op, 7, 7);
        op.close();
        assertThat(visibleRecords()).isEqualTo(records(1, 6));

        SinkWriterOperator<String> restored = start(sink, cp1, 1);
        write(restored, 7, 9);
        OperatorSubtaskState cp2 = checkpoint(restored, 2);
        restored.notifyCheckpointComplete(2);
        write(restored, 10, 10);
        restored.close();
        assertThat(visibleRecords()).isEqualTo(records(1, 9));

        // a second failure, restoring checkpoint 2 whose committables are all committed already
        SinkWriterOperator<String> again = start(sink, cp2, 2);
        write(again, 10, 11);
        again.finish();
        again.close();
        assertThat(visibleRecords()).isEqualTo(records(1, 11));
    }

    @Test
    void whenTwoSubtasksAreRestoredIntoOne_thenBothOpenPartsKeepTheirCheckpointedBytes() throws Exception {
        FileSink<String> sink = sink();
        SinkWriterOperator<String> a = start(sink, null, 0);
        SinkWriterOperator<String> b = start(sink, null, 0);
        write(a, 1, 5); // part r01-r03 committable, r04-r05 open
        write(b, 11, 12); // r11-r12 open
        OperatorSubtaskState cpA = checkpoint(a, 1);
        OperatorSubtaskState cpB = checkpoint(b, 1);
        write(a, 6, 6);
        write(b, 13, 13);
        a.close();
        b.close();

        // parallelism 2 -> 1: the one subtask gets both writer states and all committables
        SinkWriterOperator<String> merged = startRestoring(sink, List.of(cpA, cpB), 1);
        assertThat(visibleRecords()).isEqualTo(records(1, 3));
        write(merged, 6, 6);
        write(merged, 13, 13);
        merged.finish();
        merged.close();
        List<String> expected = new ArrayList<>(records(1, 6));
        expected.addAll(records(11, 13));
        assertThat(visibleRecords()).isEqualTo(expected);
    }

    @Test
    void whenACheckpointIsAborted_thenItsCommittablesGoWithTheNextCompletedOne() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
        SinkWriterOperator<String> op = start(sink, null, 0);
        write(op, 1, 2);
        checkpoint(op, 1);
        op.notifyCheckpointAborted(1);
        write(op, 3, 3);
        checkpoint(op, 2);
        assertThat(visibleRecords()).isEmpty();
        op.notifyCheckpointComplete(2);
        assertThat(visibleRecords()).isEqualTo(records(1, 3));
        op.close();
    }

    @Test
    void whenInputEndsAfterACheckpoint_thenTheLastRecordsWaitForTheFinalCheckpoint() throws Exception {
        SinkWriterOperator<String> op = start(sink(), null, 0);
        write(op, 1, 4);
        checkpoint(op, 1);
        op.notifyCheckpointComplete(1);
        write(op, 5, 7);
        op.finish();
        assertThat(visibleRecords()).isEqualTo(records(1, 3));
        OperatorSubtaskState fin = checkpoint(op, 2); // the job's final checkpoint
        assertThat(visibleRecords()).isEqualTo(records(1, 3));
        op.notifyCheckpointComplete(2);
        assertThat(visibleRecords()).isEqualTo(records(1, 7));
        op.close();
        assertThat(fin.isEmpty()).isFalse();
    }

    @Test
    void whenNoCheckpointIsEverTaken_thenTheEndOfInputCommitsEverything() throws Exception {
        SinkWriterOperator<String> op = start(sink(), null, 0);
        write(op, 1, 10);
        assertThat(visibleRecords()).isEmpty();
        op.finish();
        assertThat(visibleRecords()).isEqualTo(records(1, 10));
        op.close();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith(".")))
                    .isEmpty();
        }
    }

    @Test
    void whenAPendingFileVanished_thenTheCommitFailsNamingTheOperatorAndTheFiles() throws Exception {
        SinkWriterOperator<String> op = start(sink(), null, 0);
        write(op, 1, 4);
        checkpoint(op, 1);
        Path pending;
        try (Stream<Path> files = Files.list(dir)) {
            pending = files.filter(f -> f.getFileName().toString().startsWith(".part-"))
                    .sorted()
                    .filter(f -> {
                        try {
                            return Files.size(f) == 12;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .findFirst()
                    .orElseThrow();
        }
        Files.delete(pending);
        assertThatThrownBy(() -> op.notifyCheckpointComplete(1))
                .hasMessageStartingWith("Sink 'under test' (test (1/1)): committing ")
                .hasMessageContaining(" of checkpoint 1 failed: FileSink: cannot commit part file " + pending + " as ")
                .hasMessageContaining("neither file exists");
        op.close();
    }
}
