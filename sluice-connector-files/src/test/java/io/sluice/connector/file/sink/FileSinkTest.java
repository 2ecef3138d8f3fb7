package io.sluice.connector.file.sink;

import static io.sluice.connector.file.sink.SinkTestContexts.allFiles;
import static io.sluice.connector.file.sink.SinkTestContexts.commit;
import static io.sluice.connector.file.sink.SinkTestContexts.context;
import static io.sluice.connector.file.sink.SinkTestContexts.visibleFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.configuration.MemorySize;
import io.sluice.api.connector.sink.StatefulSinkWriter;
import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.connector.file.sink.SinkTestContexts.ManualTime;
import io.sluice.connector.file.sink.SinkTestContexts.Request;
import io.sluice.connector.file.sink.bucketassigners.BasePathBucketAssigner;
import io.sluice.connector.file.sink.bucketassigners.DateTimeBucketAssigner;
import io.sluice.connector.file.sink.bucketassigners.SimpleVersionedStringSerializer;
import io.sluice.connector.file.sink.rollingpolicies.DefaultRollingPolicy;
import io.sluice.connector.file.sink.rollingpolicies.OnCheckpointRollingPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
    private static final long T0 = Instant.parse("2026-11-22T05:30:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private final ManualTime time = new ManualTime(T0);

    private FileSink.RowFormatBuilder<String> builder() {
        return FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>());
    }

    private static void writeAll(FileWriter<String> writer, String... elements) throws Exception {
        for (String e : elements) {
            writer.write(e, null);
        }
    }

    private String read(String relative) throws Exception {
        return Files.readString(dir.resolve(relative));
    }

    @Test
    void whenPartGrowsPastMaxSize_thenTheNextElementOpensANewPart() throws Exception {
        FileSink<String> sink = builder()
                .withRollingPolicy(DefaultRollingPolicy.builder()
                        .withMaxPartSize(new MemorySize(10))
                        .build())
                .build();
        FileWriter<String> writer = sink.createWriter(context(time));
        writeAll(writer, "aaaa", "bbbb", "cccc", "dddd");
        // 10 bytes after two elements is not past 10; 15 after three is, so "dddd" starts part 1
        assertThat(writer.inProgressPart("").getSize()).isEqualTo(5);

        Collection<FileSinkCommittable> committables = writer.prepareCommit();
        String uid = writer.uid();
        assertThat(committables).hasSize(1);
        assertThat(visibleFiles(dir)).isEmpty();

        assertThat(commit(committables)).extracting(r -> r.outcome).containsExactly("committed");
        assertThat(visibleFiles(dir)).containsExactly("part-" + uid + "-0");
        assertThat(read("part-" + uid + "-0")).isEqualTo("aaaa\nbbbb\ncccc\n");
        writer.close();
    }

    @Test
    void whenAPartIsPastMaxSizeAtACheckpoint_thenItRollsThere() throws Exception {
        FileSink<String> sink = builder()
                .withRollingPolicy(DefaultRollingPolicy.builder()
                        .withMaxPartSize(new MemorySize(4))
                        .build())
                .build();
        FileWriter<String> writer = sink.createWriter(context(time));
        writeAll(writer, "abc"); // 4 bytes: not past the limit
        assertThat(writer.prepareCommit()).isEmpty();
        writeAll(writer, "d"); // 6 bytes
        Collection<FileSinkCommittable> committables = writer.prepareCommit();
        commit(committables);
        assertThat(visibleFiles(dir)).containsExactly("part-" + writer.uid() + "-0");
        assertThat(read("part-" + writer.uid() + "-0")).isEqualTo("abc\nd\n");
        writer.close();
    }

    @Test
    void whenRolloverIntervalPasses_thenTheBucketCheckRollsThePart() throws Exception {
        FileSink<String> sink = builder()
                .withRollingPolicy(DefaultRollingPolicy.builder()
                        .withRolloverInterval(Duration.ofMillis(1000))
                        .withInactivityInterval(Duration.ofMinutes(10))
                        .build())
                .withBucketCheckInterval(100)
                .build();
        FileWriter<String> writer = sink.createWriter(context(time));
        writeAll(writer, "a");
        time.advanceTo(T0 + 500);
        writeAll(writer, "b");
        time.advanceTo(T0 + 900);
        assertThat(writer.inProgressPart("")).isNotNull();
        time.advanceTo(T0 + 1000); // the check at T0+1000 sees an age of 1000 ms
        assertThat(writer.inProgressPart("")).isNull();
        writeAll(writer, "c");
        commit(writer.prepareCommit());
        assertThat(visibleFiles(dir)).containsExactly("part-" + writer.uid() + "-0");
        assertThat(read("part-" + writer.uid() + "-0")).isEqualTo("a\nb\n");
        writer.close();
    }

    @Test
    void whenNothingIsWrittenForTheInactivityInterval_thenThePartRolls() throws Exception {
        FileSink<String> sink = builder()
                .withRollingPolicy(DefaultRollingPolicy.builder()
                        .withRolloverInterval(Duration.ofMinutes(10))
                        .withInactivityInterval(Duration.ofMillis(300))
                        .build())
                .withBucketCheckInterval(100)
                .build();
        FileWriter<String> writer = sink.createWriter(context(time));
        writeAll(writer, "a");
        time.advanceTo(T0 + 200);
        writeAll(writer, "b");
        time.advanceTo(T0 + 400); // 200 ms since the last write
        assertThat(writer.inProgressPart("")).isNotNull();
        time.advanceTo(T0 + 500); // 300 ms
        assertThat(writer.inProgressPart("")).isNull();
        commit(writer.prepareCommit());
        assertThat(read("part-" + writer.uid() + "-0")).isEqualTo("a\nb\n");
        writer.close();
    }

    @Test
    void whenPolicyIsOnCheckpoint_thenEveryCheckpointPublishesOnePartPerBucket() throws Exception {
        FileSink<String> sink = builder()
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix("out")
                        .withPartSuffix(".txt")
                        .build())
                .build();
        FileWriter<String> writer = sink.createWriter(context(time));
        writeAll(writer, "a", "b");
        commit(writer.prepareCommit());
        writeAll(writer, "c");
        assertThat(writer.prepareCommit()).hasSize(1).allSatisfy(c -> {
            try {
                commit(List.of(c));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(writer.prepareCommit()).isEmpty();
        String uid = writer.uid();
        assertThat(visibleFiles(dir)).containsExactly("out-" + uid + "-0.txt", "out-" + uid + "-1.txt");
        assertThat(read("out-" + uid + "-0.txt")).isEqualTo("a\nb\n");
        assertThat(read("out-" + uid + "-1.txt")).isEqualTo("c\n");
        writer.close();
    }

    @Test
    void dateTimeBucketAssignerNamesBucketsByProcessingTimeInItsZone() throws Exception {
        DateTimeBucketAssigner<String> hourly = new DateTimeBucketAssigner<>(ZoneId.of("UTC"));
        DateTimeBucketAssigner<String> daily = new DateTimeBucketAssigner<>("yyyy/MM/dd", ZoneId.of("Asia/Tokyo"));
        BucketAssigner.Context at = new BucketAssigner.Context() {
            @Override
            public long currentProcessingTime() {
                return T0;
            }

            @Override
            public long currentWatermark() {
                return Long.MIN_VALUE;
            }

            @Override
            public Long timestamp() {
                return null;
            }
        };
        assertThat(hourly.getBucketId("x", at)).isEqualTo("2026-11-22--05");
        assertThat(daily.getBucketId("x", at)).isEqualTo("2026/11/22");
        assertThat(new BasePathBucketAssigner<String>().getBucketId("x", at)).isEmpty();
        SimpleVersionedSerializer<String> ser = hourly.getSerializer();
        assertThat(ser.deserialize(ser.getVersion(), ser.serialize("2026-11-22--05")))
                .isEqualTo("2026-11-22--05");
    }

    @Test
    void elementsGoToTheDirectoriesOfTheirBuckets() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
                .withBucketAssigner(new FirstLetterAssigner())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
        FileWriter<String> writer = sink.createWriter(context(time));
        writeAll(writer, "apple", "banana", "avocado");
        commit(writer.prepareCommit());
        writer.close();
        String uid = writer.uid();
        assertThat(visibleFiles(dir)).containsExactly("a/part-" + uid + "-0", "b/part-" + uid + "-1");
        assertThat(read("a/part-" + uid + "-0")).isEqualTo("apple\navocado\n");
        assertThat(read("b/part-" + uid + "-1")).isEqualTo("banana\n");
    }

    @Test
    void theDefaultBucketsAreHourlyDirectoriesOfTheProcessingTime() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
                .withBucketAssigner(new DateTimeBucketAssigner<>(ZoneId.of("UTC")))
                .build();
        FileWriter<String> writer = sink.createWriter(context(time));
        writeAll(writer, "x");
        time.advanceTo(T0 + 1_800_000L - 1); // 05:59:59.999; the rollover interval rolled the first part
        writeAll(writer, "y");
        time.advanceTo(T0 + 1_800_000L); // 06:00
        writeAll(writer, "z");
        writer.flush(true);
        commit(writer.prepareCommit());
        writer.close();
        String uid = writer.uid();
        assertThat(visibleFiles(dir))
                .containsExactly(
                        "2026-11-22--05/part-" + uid + "-0",
                        "2026-11-22--05/part-" + uid + "-1",
                        "2026-11-22--06/part-" + uid + "-2");
        assertThat(read("2026-11-22--05/part-" + uid + "-0")).isEqualTo("x\n");
        assertThat(read("2026-11-22--05/part-" + uid + "-1")).isEqualTo("y\n");
        assertThat(read("2026-11-22--06/part-" + uid + "-2")).isEqualTo("z\n");
    }

    @Test
    void uncommittedPartsAreHiddenInProgressFilesAndCommitRenamesThem() throws Exception {
        FileSink<String> sink = builder().build();
        FileWriter<String> writer = sink.createWriter(context(time));
        writeAll(writer, "a");
        String uid = writer.uid();
        assertThat(allFiles(dir)).singleElement().satisfies(name -> assertThat(name)
                .matches("\\.part-" + uid + "-0\\.inprogress\\.[0-9a-f-]{36}"));
        writer.flush(true);
        List<FileSinkCommittable> committables = new ArrayList<>(writer.prepareCommit());
        assertThat(committables).hasSize(1);
        assertThat(visibleFiles(dir)).isEmpty(); // pending: closed but hidden
        assertThat(committables.get(0).targetPath()).isEqualTo(dir.resolve("part-" + uid + "-0"));
        commit(committables);
        assertThat(allFiles(dir)).containsExactly("part-" + uid + "-0");
        writer.close();
    }

    @Test
    void committingTwiceIsIdempotent() throws Exception {
        FileSink<String> sink = builder().build();
        FileWriter<String> writer = sink.createWriter(context(time));
        writeAll(writer, "a", "b");
        writer.flush(true);
        Collection<FileSinkCommittable> committables = writer.prepareCommit();
        writer.close();
        assertThat(commit(committables)).extracting(r -> r.outcome).containsExactly("committed");
        assertThat(commit(committables)).extracting(r -> r.outcome).containsExactly("alreadyCommitted");
        assertThat(visibleFiles(dir)).containsExactly("part-" + writer.uid() + "-0");
        assertThat(read("part-" + writer.uid() + "-0")).isEqualTo("a\nb\n");
    }

    @Test
    void whenRestored_thenBytesWrittenAfterTheSnapshotVanishAndWritingGoesOn() throws Exception {
        FileSink<String> sink = builder().build();
        FileWriter<String> writer = sink.createWriter(context(time));
        writeAll(writer, "a", "b");
        assertThat(writer.prepareCommit()).isEmpty();
        List<FileWriterBucketState> state = writer.snapshotState(1);
        assertThat(state).singleElement().satisfies(s -> assertThat(s.validLength())
                .isEqualTo(4));
        writeAll(writer, "lost-1", "lost-2");
        writer.snapshotState(2); // flushed to disk, but checkpoint 2 never completes
        writer.close(); // the failure

        SimpleVersionedSerializer<FileWriterBucketState> ser = sink.getWriterStateSerializer();
        List<FileWriterBucketState> restoredState = new ArrayList<>();
        for (FileWriterBucketState s : state) {
            restoredState.add(ser.deserialize(ser.getVersion(), ser.serialize(s)));
        }
        assertThat(restoredState).isEqualTo(state);
        StatefulSinkWriter<String, FileWriterBucketState> restored = sink.restoreWriter(context(time), restoredState);
        restored.write("c", null);
        restored.flush(true);
        Collection<FileSinkCommittable> committables = ((FileWriter<String>) restored).prepareCommit();
        commit(committables);
        restored.close();
        assertThat(visibleFiles(dir)).containsExactly("part-" + writer.uid() + "-0");
        assertThat(read("part-" + writer.uid() + "-0")).isEqualTo("a\nb\nc\n");
    }

    @Test
    void whenPendingAndTargetAreBothMissing_thenTheCommitFailsNamingBothFiles() throws Exception {
        FileSinkCommittable committable = new FileSinkCommittable(
                "",
                dir.resolve(".part-x-0.inprogress.1").toString(),
                dir.resolve("part-x-0").toString());
        List<Request> requests = commit(List.of(committable));
        assertThat(requests.get(0).outcome).isEqualTo("failedUnknown");
        assertThat(requests.get(0).failure)
                .hasMessageStartingWith("FileSink: cannot commit part file " + dir.resolve(".part-x-0.inprogress.1")
                        + " as " + dir.resolve("part-x-0") + " of bucket '': neither file exists");
    }

    @Test
    void whenTheInProgressFileIsGoneAtRestore_thenRestoreFailsNamingIt() {
        FileSink<String> sink = builder().build();
        FileWriterBucketState state = new FileWriterBucketState(
                "",
                dir.toString(),
                dir.resolve(".part-x-0.inprogress.1").toString(),
                dir.resolve("part-x-0").toString(),
                3,
                T0);
        assertThatThrownBy(() -> sink.restoreWriter(context(time), List.of(state)))
                .hasMessage("FileSink: cannot restore bucket '': its in-progress file "
                        + dir.resolve(".part-x-0.inprogress.1") + " (to be committed as " + dir.resolve("part-x-0")
                        + ") is missing");
    }

    @Test
    void committablesSurviveTheirSerializer() throws Exception {
        FileSinkCommittable c = new FileSinkCommittable("b", "/x/b/.part-u-0.inprogress.v", "/x/b/part-u-0");
        SimpleVersionedSerializer<FileSinkCommittable> ser = builder().build().getCommittableSerializer();
        assertThat(ser.deserialize(ser.getVersion(), ser.serialize(c))).isEqualTo(c);
        assertThatThrownBy(() -> ser.deserialize(7, ser.serialize(c)))
                .hasMessage("Unknown version 7 of a FileSink committable (this build reads 1)");
    }

    /** Buckets by the first letter of the element. */
    private static final class FirstLetterAssigner implements BucketAssigner<String, String> {
        @Override
        public String getBucketId(String element, Context context) {
            return element.substring(0, 1);
        }

        @Override
        public SimpleVersionedSerializer<String> getSerializer() {
            return SimpleVersionedStringSerializer.INSTANCE;
        }
    }
}
