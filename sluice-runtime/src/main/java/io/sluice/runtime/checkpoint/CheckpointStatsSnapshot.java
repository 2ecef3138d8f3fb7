package io.sluice.runtime.checkpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checkpoint statistics of one job at one moment, shaped (and, through its Jackson names,
 * serialized) like Flink's {@code GET /jobs/:jobid/checkpoints}: counts, a summary over the
 * completed checkpoints, the latest completed / savepoint / failed / restored one, and the history
 * (newest first, at most {@code web.checkpoints.history} entries). Immutable; made by
 * {@link CheckpointStatsTracker#snapshot()} on the JobMaster's main thread, read anywhere.
 *
 * <p>Sizes are bytes, times epoch milliseconds, durations milliseconds. Sluice keeps full state in
 * every checkpoint, so {@code checkpointed_size} equals {@code state_size}; there is no unaligned
 * checkpointing, so {@code alignment_buffered}, {@code processed_data} and {@code persisted_data} are 0.
 */
public record CheckpointStatsSnapshot(
        @JsonProperty("counts") Counts counts,
        @JsonProperty("summary") Summary summary,
        @JsonProperty("latest") Latest latest,
        @JsonProperty("history") List<CheckpointStats> history)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The checkpoint with {@code id} if the snapshot still knows it (history or latest), else null. */
    public CheckpointStats find(long id) {
        for (CheckpointStats c : history) {
            if (c.id() == id) {
                return c;
            }
        }
        for (CheckpointStats c : new CheckpointStats[] {latest.completed(), latest.savepoint(), latest.failed()}) {
            if (c != null && c.id() == id) {
                return c;
            }
        }
        return null;
    }

    /** The same snapshot with the per-task maps left empty, as the overview shows it. */
    public CheckpointStatsSnapshot withoutTaskDetails() {
        List<CheckpointStats> h = new ArrayList<>();
        for (CheckpointStats c : history) {
            h.add(c.withoutTasks());
        }
        return new CheckpointStatsSnapshot(
                counts,
                summary,
                new Latest(
                        latest.completed() == null ? null : latest.completed().withoutTasks(),
                        latest.savepoint() == null ? null : latest.savepoint().withoutTasks(),
                        latest.failed() == null ? null : latest.failed().withoutTasks(),
                        latest.restored()),
                List.copyOf(h));
    }

    /** How many checkpoints were triggered ({@code total}) and where they are now. */
    public record Counts(
            @JsonProperty("restored") long restored,
            @JsonProperty("total") long total,
            @JsonProperty("in_progress") int inProgress,
            @JsonProperty("completed") long completed,
            @JsonProperty("failed") long failed)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Statistics of one quantity over the completed checkpoints; all 0 before the first one.
     * {@code avg} is the sum divided by the count, rounded down; the percentiles interpolate between
     * the nearest ranks at {@code p * (n + 1)}.
     */
    public record MinMaxAvg(
            @JsonProperty("min") long min,
            @JsonProperty("max") long max,
            @JsonProperty("avg") long avg,
            @JsonProperty("p50") double p50,
            @JsonProperty("p90") double p90,
            @JsonProperty("p95") double p95,
            @JsonProperty("p99") double p99,
            @JsonProperty("p999") double p999)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public static final MinMaxAvg EMPTY = new MinMaxAvg(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Summary over the completed checkpoints. {@code alignment_duration} (not in Flink's response) is
     * the longest barrier alignment of each completed checkpoint's subtasks.
     */
    public record Summary(
            @JsonProperty("checkpointed_size") MinMaxAvg checkpointedSize,
            @JsonProperty("state_size") MinMaxAvg stateSize,
            @JsonProperty("end_to_end_duration") MinMaxAvg endToEndDuration,
            @JsonProperty("alignment_buffered") MinMaxAvg alignmentBuffered,
            @JsonProperty("processed_data") MinMaxAvg processedData,
            @JsonProperty("persisted_data") MinMaxAvg persistedData,
            @JsonProperty("alignment_duration") MinMaxAvg alignmentDuration)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The latest completed checkpoint, completed savepoint, failed checkpoint and restore; each may be null. */
    public record Latest(
            @JsonProperty("completed") CheckpointStats completed,
            @JsonProperty("savepoint") CheckpointStats savepoint,
            @JsonProperty("failed") CheckpointStats failed,
            @JsonProperty("restored") Restored restored)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The checkpoint the job last restored from. */
    public record Restored(
            @JsonProperty("id") long id,
            @JsonProperty("restore_timestamp") long restoreTimestamp,
            @JsonProperty("is_savepoint") boolean isSavepoint,
            @JsonProperty("external_path") String externalPath)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Status of a checkpoint, as Flink names it. */
    public enum Status {
        IN_PROGRESS,
        COMPLETED,
        FAILED
    }

    /**
     * One checkpoint. {@code external_path} is null unless a completed checkpoint was written out;
     * {@code discarded} is only present for completed ones, {@code failure_timestamp} and
     * {@code failure_message} only for failed ones. {@code savepointFormat} is null for checkpoints. {@code latest_ack_timestamp} is -1 before the first acknowledgement.
     * {@code tasks} maps each job vertex id to its statistics (empty in the overview).
     */
    public record CheckpointStats(
            @JsonProperty("className") String className,
            @JsonProperty("id") long id,
            @JsonProperty("status") Status status,
            @JsonProperty("is_savepoint") boolean isSavepoint,
            @JsonProperty("savepointFormat") String savepointFormat,
            @JsonProperty("trigger_timestamp") long triggerTimestamp,
            @JsonProperty("latest_ack_timestamp") long latestAckTimestamp,
            @JsonProperty("checkpointed_size") long checkpointedSize,
            @JsonProperty("state_size") long stateSize,
            @JsonProperty("end_to_end_duration") long endToEndDuration,
            @JsonProperty("alignment_buffered") long alignmentBuffered,
            @JsonProperty("processed_data") long processedData,
            @JsonProperty("persisted_data") long persistedData,
            @JsonProperty("num_subtasks") int numSubtasks,
            @JsonProperty("num_acknowledged_subtasks") int numAcknowledgedSubtasks,
            @JsonProperty("checkpoint_type") String checkpointType,
            @JsonProperty("tasks") Map<String, TaskStats> tasks,
            @JsonProperty("external_path") String externalPath,
            @JsonProperty("discarded") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean discarded,
            @JsonProperty("failure_timestamp") @JsonInclude(JsonInclude.Include.NON_NULL) Long failureTimestamp,
            @JsonProperty("failure_message") @JsonInclude(JsonInclude.Include.NON_NULL) String failureMessage)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        CheckpointStats withoutTasks() {
            return new CheckpointStats(
                    className,
                    id,
                    status,
                    isSavepoint,
                    savepointFormat,
                    triggerTimestamp,
                    latestAckTimestamp,
                    checkpointedSize,
                    stateSize,
                    endToEndDuration,
                    alignmentBuffered,
                    processedData,
                    persistedData,
                    numSubtasks,
                    numAcknowledgedSubtasks,
                    checkpointType,
                    Map.of(),
                    externalPath,
                    discarded,
                    failureTimestamp,
                    failureMessage);
        }
    }

    /**
     * One job vertex's part of a checkpoint. {@code alignment_duration}, {@code sync_duration} and
     * {@code async_duration} (not in Flink's response) are the maxima over its acknowledged subtasks.
     */
    public record TaskStats(
            @JsonProperty("id") String id,
            @JsonProperty("status") Status status,
            @JsonProperty("latest_ack_timestamp") long latestAckTimestamp,
            @JsonProperty("checkpointed_size") long checkpointedSize,
            @JsonProperty("state_size") long stateSize,
            @JsonProperty("end_to_end_duration") long endToEndDuration,
            @JsonProperty("alignment_buffered") long alignmentBuffered,
            @JsonProperty("processed_data") long processedData,
            @JsonProperty("persisted_data") long persistedData,
            @JsonProperty("num_subtasks") int numSubtasks,
            @JsonProperty("num_acknowledged_subtasks") int numAcknowledgedSubtasks,
            @JsonProperty("alignment_duration") long alignmentDuration,
            @JsonProperty("sync_duration") long syncDuration,
            @JsonProperty("async_duration") long asyncDuration)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
