package io.sluice.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot.CheckpointStats;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot.Counts;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot.MinMaxAvg;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot.Restored;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot.Status;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot.TaskStats;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointStatsTrackerTest {
    /** Vertex "a" with two subtasks, vertex "b" with one: three acknowledgements complete a checkpoint. */
    private static Map<String, Integer> vertices() {
        Map<String, Integer> v = new LinkedHashMap<>();
        v.put("a", 2);
        v.put("b", 1);
        return v;
    }

    private static CheckpointStatsTracker threeCheckpoints() {
        CheckpointStatsTracker t = new CheckpointStatsTracker(10, vertices());
        t.reportPending(1, 1000, false);
        t.reportAcknowledged(1, "a", 0, 1100, 100, 5, 2, 10);
        t.reportAcknowledged(1, "a", 1, 1150, 200, 7, 3, 20);
        t.reportAcknowledged(1, "b", 0, 1200, 300, 0, 1, 5);
        t.reportCompleted(1, 1250, 600, "/chk/chk-1");
        t.reportPending(2, 2000, false);
        t.reportAcknowledged(2, "a", 0, 2100, 50, 1, 1, 1);
        t.reportFailed(2, 2500, "Checkpoint 2 declined by Map (1/2)");
        t.reportPending(3, 3000, false);
        t.reportAcknowledged(3, "b", 0, 3400, 400, 0, 4, 8);
        return t;
    }

    @Test
    void whenCheckpointsCompleteFailAndRun_thenCountsAndLatestSayWhich() {
        CheckpointStatsSnapshot s = threeCheckpoints().snapshot();

        assertThat(s.counts()).isEqualTo(new Counts(0, 3, 1, 1, 1));
        assertThat(s.latest().savepoint()).isNull();
        assertThat(s.latest().restored()).isNull();
        assertThat(s.latest().completed().id()).isEqualTo(1);
        assertThat(s.latest().failed().id()).isEqualTo(2);
        assertThat(s.history()).extracting(CheckpointStats::id).containsExactly(3L, 2L, 1L);
        assertThat(s.history())
                .extracting(CheckpointStats::status)
                .containsExactly(Status.IN_PROGRESS, Status.FAILED, Status.COMPLETED);
    }

    @Test
    void whenCheckpointCompletes_thenItsStatisticsAreExact() {
        CheckpointStats c = threeCheckpoints().snapshot().find(1);

        assertThat(c)
                .isEqualTo(new CheckpointStats(
                        ".CompletedCheckpointStatistics",
                        1,
                        Status.COMPLETED,
                        false,
                        null,
                        1000,
                        1200,
                        600,
                        600,
                        200,
                        0,
                        0,
                        0,
                        3,
                        3,
                        "CHECKPOINT",
                        c.tasks(),
                        "/chk/chk-1",
                        false,
                        null,
                        null));
        assertThat(c.tasks())
                .containsExactly(
                        Map.entry(
                                "a",
                                new TaskStats("a", Status.COMPLETED, 1150, 300, 300, 150, 0, 0, 0, 2, 2, 7, 3, 20)),
                        Map.entry(
                                "b",
                                new TaskStats("b", Status.COMPLETED, 1200, 300, 300, 200, 0, 0, 0, 1, 1, 0, 1, 5)));
    }

    @Test
    void whenCheckpointFails_thenItKeepsWhatWasAcknowledgedAndTheReason() {
        CheckpointStats f = threeCheckpoints().snapshot().find(2);

        assertThat(f.className()).isEqualTo(".FailedCheckpointStatistics");
        assertThat(f.status()).isEqualTo(Status.FAILED);
        assertThat(f.triggerTimestamp()).isEqualTo(2000);
        assertThat(f.latestAckTimestamp()).isEqualTo(2100);
        assertThat(f.stateSize()).isEqualTo(50);
        assertThat(f.endToEndDuration()).isEqualTo(500);
        assertThat(f.numSubtasks()).isEqualTo(3);
        assertThat(f.numAcknowledgedSubtasks()).isEqualTo(1);
        assertThat(f.failureTimestamp()).isEqualTo(2500L);
        assertThat(f.failureMessage()).isEqualTo("Checkpoint 2 declined by Map (1/2)");
        assertThat(f.externalPath()).isNull();
        assertThat(f.discarded()).isNull();
    }

    @Test
    void whenCheckpointIsInProgress_thenItShowsTheAcknowledgementsSoFar() {
        CheckpointStats p = threeCheckpoints().snapshot().find(3);

        assertThat(p.className()).isEqualTo(".PendingCheckpointStatistics");
        assertThat(p.latestAckTimestamp()).isEqualTo(3400);
        assertThat(p.endToEndDuration()).isEqualTo(400);
        assertThat(p.stateSize()).isEqualTo(400);
        assertThat(p.numAcknowledgedSubtasks()).isEqualTo(1);
        assertThat(p.tasks().get("a").numAcknowledgedSubtasks()).isZero();
        assertThat(p.tasks().get("a").latestAckTimestamp()).isEqualTo(-1);
        assertThat(p.tasks().get("b").syncDuration()).isEqualTo(4);
    }

    @Test
    void whenNothingWasAcknowledgedYet_thenLatestAckAndDurationAreMinusOne() {
        CheckpointStatsTracker t = new CheckpointStatsTracker(10, vertices());
        t.reportPending(7, 500, false);

        CheckpointStats p = t.snapshot().find(7);

        assertThat(p.latestAckTimestamp()).isEqualTo(-1);
        assertThat(p.endToEndDuration()).isEqualTo(-1);
        assertThat(t.snapshot().counts()).isEqualTo(new Counts(0, 1, 1, 0, 0));
    }

    @Test
    void whenFourCheckpointsComplete_thenSummaryHasExactMinMaxAverageAndPercentiles() {
        CheckpointStatsTracker t = new CheckpointStatsTracker(10, Map.of("v", 1));
        long[] sizes = {40, 10, 30, 20};
        for (int i = 0; i < sizes.length; i++) {
            long trigger = 1000L * i;
            t.reportPending(i, trigger, false);
            t.reportAcknowledged(i, "v", 0, trigger + 10 * (i + 1), sizes[i], i, 0, 0);
            t.reportCompleted(i, trigger + 100, sizes[i], null);
        }

        CheckpointStatsSnapshot.Summary s = t.snapshot().summary();

        // sorted 10 20 30 40: p50 at rank 2.5 -> 25; p90 at rank 4.5 -> the maximum
        assertThat(s.stateSize()).isEqualTo(new MinMaxAvg(10, 40, 25, 25.0, 40.0, 40.0, 40.0, 40.0));
        assertThat(s.checkpointedSize()).isEqualTo(s.stateSize());
        // end-to-end durations 10 20 30 40 (latest ack - trigger)
        assertThat(s.endToEndDuration()).isEqualTo(new MinMaxAvg(10, 40, 25, 25.0, 40.0, 40.0, 40.0, 40.0));
        // alignments 0 1 2 3: average 6/4 rounded down
        assertThat(s.alignmentDuration()).isEqualTo(new MinMaxAvg(0, 3, 1, 1.5, 3.0, 3.0, 3.0, 3.0));
        assertThat(s.alignmentBuffered()).isEqualTo(MinMaxAvg.EMPTY);
    }

    @Test
    void whenNoCheckpointCompleted_thenSummaryIsAllZero() {
        CheckpointStatsSnapshot s = new CheckpointStatsTracker(10, vertices()).snapshot();

        assertThat(s.summary().stateSize()).isEqualTo(MinMaxAvg.EMPTY);
        assertThat(s.summary().endToEndDuration()).isEqualTo(MinMaxAvg.EMPTY);
        assertThat(s.counts()).isEqualTo(new Counts(0, 0, 0, 0, 0));
        assertThat(s.history()).isEmpty();
        assertThat(s.latest().completed()).isNull();
        assertThat(s.latest().failed()).isNull();
    }

    @Test
    void whenMoreCheckpointsThanTheHistoryHolds_thenOnlyTheNewestStayButCountsAndLatestKeepAll() {
        CheckpointStatsTracker t = new CheckpointStatsTracker(2, Map.of("v", 1));
        for (long id = 1; id <= 5; id++) {
            t.reportPending(id, id * 100, false);
            t.reportAcknowledged(id, "v", 0, id * 100 + 1, id, 0, 0, 0);
            if (id == 1) {
                t.reportFailed(id, 150, "expired");
            } else {
                t.reportCompleted(id, id * 100 + 2, id, null);
            }
        }

        CheckpointStatsSnapshot s = t.snapshot();

        assertThat(s.history()).extracting(CheckpointStats::id).containsExactly(5L, 4L);
        assertThat(s.counts()).isEqualTo(new Counts(0, 5, 0, 4, 1));
        assertThat(s.find(3)).isNull();
        assertThat(s.find(1).failureMessage()).isEqualTo("expired"); // still the latest failed one
        assertThat(s.summary().stateSize().min()).isEqualTo(2);
        assertThat(s.summary().stateSize().max()).isEqualTo(5);
    }

    @Test
    void whenReportsRepeatOrNameUnknownCheckpointsOrSubtasks_thenTheyAreIgnored() {
        CheckpointStatsTracker t = new CheckpointStatsTracker(10, vertices());
        t.reportPending(1, 1000, false);
        t.reportPending(1, 9999, false);
        t.reportAcknowledged(1, "a", 0, 1100, 100, 0, 0, 0);
        t.reportAcknowledged(1, "a", 0, 1300, 100, 0, 0, 0);
        t.reportAcknowledged(1, "a", 2, 1100, 100, 0, 0, 0);
        t.reportAcknowledged(1, "zz", 0, 1100, 100, 0, 0, 0);
        t.reportAcknowledged(42, "a", 1, 1100, 100, 0, 0, 0);
        t.reportCompleted(42, 1200, 1, null);

        CheckpointStats p = t.snapshot().find(1);

        assertThat(p.triggerTimestamp()).isEqualTo(1000);
        assertThat(p.numAcknowledgedSubtasks()).isEqualTo(1);
        assertThat(p.latestAckTimestamp()).isEqualTo(1100);
        assertThat(p.stateSize()).isEqualTo(100);
        assertThat(t.snapshot().counts()).isEqualTo(new Counts(0, 1, 1, 0, 0));
    }

    @Test
    void whenTriggerFailsBeforeItWasPending_thenItCountsAsTriggeredAndFailed() {
        CheckpointStatsTracker t = new CheckpointStatsTracker(10, vertices());
        t.reportFailed(9, 700, "not all tasks are running");
        t.reportFailed(9, 800, "again");

        CheckpointStatsSnapshot s = t.snapshot();

        assertThat(s.counts()).isEqualTo(new Counts(0, 1, 0, 0, 1));
        assertThat(s.latest().failed().failureMessage()).isEqualTo("not all tasks are running");
        assertThat(s.latest().failed().endToEndDuration()).isZero();
        assertThat(s.latest().failed().numAcknowledgedSubtasks()).isZero();
    }

    @Test
    void whenSavepointCompletesAndJobRestores_thenLatestSavepointAndRestoredAreSet() {
        CheckpointStatsTracker t = new CheckpointStatsTracker(10, Map.of("v", 1));
        t.reportRestored(4, 50, "/chk/chk-4");
        t.reportPending(5, 100, true);
        t.reportAcknowledged(5, "v", 0, 130, 9, 0, 0, 0);
        t.reportCompleted(5, 140, 9, "/sp/savepoint-5");

        CheckpointStatsSnapshot s = t.snapshot();

        assertThat(s.latest().completed()).isNull();
        assertThat(s.latest().savepoint().id()).isEqualTo(5);
        assertThat(s.latest().savepoint().isSavepoint()).isTrue();
        assertThat(s.latest().savepoint().checkpointType()).isEqualTo("SAVEPOINT");
        assertThat(s.latest().savepoint().savepointFormat()).isEqualTo("CANONICAL");
        assertThat(s.latest().restored()).isEqualTo(new Restored(4, 50, false, "/chk/chk-4"));
        assertThat(s.counts()).isEqualTo(new Counts(1, 1, 0, 1, 0));
    }

    @Test
    void whenSnapshotIsWrittenAsJson_thenItHasFlinksFieldNames() throws Exception {
        CheckpointStatsSnapshot s = threeCheckpoints().snapshot().withoutTaskDetails();

        JsonNode json = new ObjectMapper().valueToTree(s);

        assertThat(json.get("counts").toString())
                .isEqualTo("{\"restored\":0,\"total\":3,\"in_progress\":1,\"completed\":1,\"failed\":1}");
        assertThat(json.get("summary").get("state_size").toString())
                .isEqualTo("{\"min\":600,\"max\":600,\"avg\":600,\"p50\":600.0,\"p90\":600.0,\"p95\":600.0,"
                        + "\"p99\":600.0,\"p999\":600.0}");
        assertThat(json.get("latest").get("completed").toString())
                .isEqualTo("{\"className\":\".CompletedCheckpointStatistics\",\"id\":1,\"status\":\"COMPLETED\","
                        + "\"is_savepoint\":false,\"savepointFormat\":null,\"trigger_timestamp\":1000,\"latest_ack_timestamp\":1200,"
                        + "\"checkpointed_size\":600,\"state_size\":600,\"end_to_end_duration\":200,"
                        + "\"alignment_buffered\":0,\"processed_data\":0,\"persisted_data\":0,\"num_subtasks\":3,"
                        + "\"num_acknowledged_subtasks\":3,\"checkpoint_type\":\"CHECKPOINT\",\"tasks\":{},"
                        + "\"external_path\":\"/chk/chk-1\",\"discarded\":false}");
        assertThat(json.get("latest").get("failed").get("failure_message").asText())
                .isEqualTo("Checkpoint 2 declined by Map (1/2)");
        assertThat(json.get("latest").get("savepoint").isNull()).isTrue();
        assertThat(json.get("latest").get("restored").isNull()).isTrue();
        assertThat(json.get("history").size()).isEqualTo(3);
    }

    @Test
    void whenSnapshotIsJavaSerialized_thenItComesBackEqual() throws Exception {
        CheckpointStatsSnapshot s = threeCheckpoints().snapshot();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }

        assertThat(back).isEqualTo(s);
    }

    @Test
    void whenHistorySizeIsZero_thenTheTrackerIsRejected() {
        assertThatThrownBy(() -> new CheckpointStatsTracker(
                        0, List.of("v").stream().collect(java.util.stream.Collectors.toMap(v -> v, v -> 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The checkpoint history must keep at least 1 entry, was 0");
    }
}
