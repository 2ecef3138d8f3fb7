package io.sluice.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Bodies of the {@code /jobs/:jobid/checkpoints} routes with Flink's field names. The statistics
 * themselves are {@link io.sluice.runtime.checkpoint.CheckpointStatsSnapshot}, written as they are.
 */
public final class CheckpointMessages {
    private CheckpointMessages() {}

    /**
     * {@code GET /jobs/:jobid/checkpoints/config}; durations in milliseconds. Sluice keeps state on
     * the heap and has no unaligned checkpoints or changelog, so those fields are constant.
     */
    public record CheckpointConfigInfo(
            @JsonProperty("mode") String mode,
            @JsonProperty("interval") long interval,
            @JsonProperty("timeout") long timeout,
            @JsonProperty("min_pause") long minPause,
            @JsonProperty("max_concurrent") int maxConcurrent,
            @JsonProperty("externalization") ExternalizedCheckpointInfo externalization,
            @JsonProperty("state_backend") String stateBackend,
            @JsonProperty("checkpoint_storage") String checkpointStorage,
            @JsonProperty("unaligned_checkpoints") boolean unalignedCheckpoints,
            @JsonProperty("tolerable_failed_checkpoints") int tolerableFailedCheckpoints,
            @JsonProperty("aligned_checkpoint_timeout") long alignedCheckpointTimeout,
            @JsonProperty("checkpoints_after_tasks_finish") boolean checkpointsAfterTasksFinish,
            @JsonProperty("state_changelog_enabled") boolean stateChangelogEnabled) {}

    public record ExternalizedCheckpointInfo(
            @JsonProperty("enabled") boolean enabled,
            @JsonProperty("delete_on_cancellation") boolean deleteOnCancellation) {}

    /** {@code POST /jobs/:jobid/checkpoints}: the id to ask {@code GET /jobs/:jobid/checkpoints/:triggerid} with. */
    public record TriggerResponse(@JsonProperty("request-id") String requestId) {}

    /** {@code GET /jobs/:jobid/checkpoints/:triggerid}: {@code operation} is null while in progress. */
    public record AsynchronousOperationResult(
            @JsonProperty("status") QueueStatus status, @JsonProperty("operation") CheckpointOperation operation) {}

    /** {@code IN_PROGRESS} or {@code COMPLETED} (also when the checkpoint failed). */
    public record QueueStatus(@JsonProperty("id") String id) {}

    /** Either the completed checkpoint's id or why the checkpoint failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckpointOperation(
            @JsonProperty("checkpointId") Long checkpointId,
            @JsonProperty("failure-cause") FailureCause failureCause) {}

    public record FailureCause(
            @JsonProperty("class") String className, @JsonProperty("stack-trace") String stackTrace) {}
}
