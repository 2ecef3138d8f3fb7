package io.sluice.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Bodies of {@code GET /jobs/:jobid/status} ({@link JobStatusInfo}) and of
 * {@code GET /jobs/:jobid/execution-result}, shaped like Flink's: {@code status.id} is
 * {@code IN_PROGRESS} while the job runs (no result yet) and {@code COMPLETED} once it reached a
 * terminal state, with the result.
 */
public final class JobResultMessages {
    private JobResultMessages() {}

    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";

    /** {@code GET /jobs/:jobid/status}. */
    public record JobStatusInfo(@JsonProperty("status") String status) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobExecutionResultResponseBody(
            @JsonProperty("status") QueueStatus status,
            @JsonProperty("job-execution-result") JobExecutionResultInfo jobExecutionResult) {}

    public record QueueStatus(@JsonProperty("id") String id) {}

    /**
     * The outcome of an ended job.
     *
     * @param applicationStatus SUCCEEDED, FAILED or CANCELED (Flink's names)
     * @param jobStatus the job's final status (FINISHED, FAILED, CANCELED)
     * @param netRuntime milliseconds from running to ending
     * @param serializedAccumulatorResults the Java-serialized map of accumulator results, base64;
     *     null when there are none (the client deserializes it with the job's class loader)
     * @param failureCause the failure of a FAILED job, else null
     * @param failedTask the subtask whose failure failed the job ("Map (2/4) on TaskManager tm-0"), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobExecutionResultInfo(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("application-status") String applicationStatus,
            @JsonProperty("job-status") String jobStatus,
            @JsonProperty("net-runtime") long netRuntime,
            @JsonProperty("serialized-accumulator-results") String serializedAccumulatorResults,
            @JsonProperty("failure-cause") FailureCause failureCause,
            @JsonProperty("failed-task") String failedTask) {}

    /**
     * @param className the class of the user's exception
     * @param stackTrace its full stack trace as text, causes included
     * @param serializedThrowable the Java-serialized {@code SerializedThrowable}, base64: the client
     *     rebuilds the user's exception from it when it has the user's classes
     */
    public record FailureCause(
            @JsonProperty("class") String className,
            @JsonProperty("stack-trace") String stackTrace,
            @JsonProperty("serialized-throwable") String serializedThrowable) {}
}
