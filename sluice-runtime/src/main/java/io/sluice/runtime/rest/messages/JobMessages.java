package io.sluice.runtime.rest.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Bodies of the {@code /jobs} routes. Times are epoch millis; -1 means "not yet". */
public final class JobMessages {
    private JobMessages() {}

    /** {@code GET /jobs}. */
    public record JobIdsWithStatusOverview(@JsonProperty("jobs") List<JobIdWithStatus> jobs) {}

    public record JobIdWithStatus(@JsonProperty("id") String id, @JsonProperty("status") String status) {}

    /** {@code GET /jobs/overview}. */
    public record MultipleJobsDetails(@JsonProperty("jobs") List<JobOverview> jobs) {}

    /**
     * One job of {@code /jobs/overview}; {@code tasks} counts subtasks per state (lower-case state
     * names) plus {@code "total"}.
     */
    public record JobOverview(
            @JsonProperty("jid") String jid,
            @JsonProperty("name") String name,
            @JsonProperty("state") String state,
            @JsonProperty("start-time") long startTime,
            @JsonProperty("end-time") long endTime,
            @JsonProperty("duration") long duration,
            @JsonProperty("tasks") Map<String, Integer> tasks) {}

    /** {@code GET /jobs/:jobid}. */
    public record JobDetailsInfo(
            @JsonProperty("jid") String jid,
            @JsonProperty("name") String name,
            @JsonProperty("isStoppable") boolean isStoppable,
            @JsonProperty("state") String state,
            @JsonProperty("job-type") String jobType,
            @JsonProperty("start-time") long startTime,
            @JsonProperty("end-time") long endTime,
            @JsonProperty("duration") long duration,
            @JsonProperty("maxParallelism") int maxParallelism,
            @JsonProperty("now") long now,
            @JsonProperty("vertices") List<JobVertexDetailsInfo> vertices,
            @JsonProperty("status-counts") Map<String, Integer> statusCounts,
            @JsonProperty("plan") JsonNode plan) {}

    /** One vertex of {@code /jobs/:jobid}; {@code tasks} counts its subtasks per state. */
    public record JobVertexDetailsInfo(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("maxParallelism") int maxParallelism,
            @JsonProperty("parallelism") int parallelism,
            @JsonProperty("status") String status,
            @JsonProperty("tasks") Map<String, Integer> tasks) {}

    /** {@code GET /jobs/:jobid/plan}. */
    public record JobPlanInfo(@JsonProperty("plan") JsonNode plan) {}

    /**
     * {@code GET /jobs/:jobid/exceptions}: the root exception (as a stack trace) and the exception
     * history, whose only entry is that failure (no restarts yet).
     */
    public record JobExceptionsInfo(
            @JsonProperty("root-exception") String rootException,
            @JsonProperty("timestamp") Long timestamp,
            @JsonProperty("all-exceptions") List<Object> allExceptions,
            @JsonProperty("truncated") boolean truncated,
            @JsonProperty("exceptionHistory") JobExceptionHistory exceptionHistory) {}

    public record JobExceptionHistory(
            @JsonProperty("entries") List<ExceptionInfo> entries, @JsonProperty("truncated") boolean truncated) {}

    /** One failure; {@code taskName} and {@code taskManagerId} are null when no task caused it. */
    public record ExceptionInfo(
            @JsonProperty("exceptionName") String exceptionName,
            @JsonProperty("stacktrace") String stacktrace,
            @JsonProperty("timestamp") long timestamp,
            @JsonProperty("taskName") String taskName,
            @JsonProperty("taskManagerId") String taskManagerId,
            @JsonProperty("failureLabels") Map<String, String> failureLabels,
            @JsonProperty("concurrentExceptions") List<Object> concurrentExceptions) {}
}
