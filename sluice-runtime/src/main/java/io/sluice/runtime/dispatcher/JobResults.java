package io.sluice.runtime.dispatcher;

import io.sluice.api.common.JobExecutionException;
import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.util.SerializedThrowable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns a {@link JobResult} into what {@code execute()} returns or throws, on the client side.
 * Stateless.
 */
public final class JobResults {
    private static final String ON_TASK_MANAGER = " on TaskManager ";

    private JobResults() {}

    /**
     * {@link #toJobExecutionResult} applied to a future result: completes with the job's execution
     * result, or exceptionally with its {@link JobExecutionException}. For {@code JobClient}s.
     */
    public static CompletableFuture<JobExecutionResult> toJobExecutionResult(
            CompletableFuture<JobResult> result, ClassLoader userCodeClassLoader) {
        return result.thenApply(r -> {
            try {
                return toJobExecutionResult(r, userCodeClassLoader);
            } catch (JobExecutionException e) {
                throw new CompletionException(e);
            }
        });
    }

    /**
     * The result of a FINISHED job, with its accumulators deserialized by {@code userCodeClassLoader};
     * otherwise throws a {@link JobExecutionException}: for FAILED with the user's exception as the
     * cause (or the {@link SerializedThrowable} if it cannot be rebuilt) and a message like
     * {@code Job 'WordCount' (id) failed: task 'Map (2/4)' on TaskManager tm-0 threw
     * java.lang.IllegalStateException: boom}; for CANCELED {@code Job 'x' (id) was cancelled.}
     */
    public static JobExecutionResult toJobExecutionResult(JobResult result, ClassLoader userCodeClassLoader)
            throws JobExecutionException {
        String job = "Job '" + result.jobName() + "' (" + result.jobId() + ")";
        JobStatus status = result.status();
        if (status == JobStatus.FINISHED) {
            Map<String, Object> accumulators;
            try {
                accumulators = result.accumulators() == null
                        ? Map.of()
                        : result.accumulators().deserialize(userCodeClassLoader);
            } catch (Exception | LinkageError e) {
                throw new JobExecutionException(
                        result.jobId(),
                        status,
                        job + " finished, but its accumulator results could not be deserialized: " + e,
                        e);
            }
            return new JobExecutionResult(result.jobId(), result.netRuntimeMillis(), accumulators);
        }
        if (status == JobStatus.CANCELED) {
            throw new JobExecutionException(result.jobId(), status, job + " was cancelled.", null);
        }
        if (status != JobStatus.FAILED) {
            throw new IllegalArgumentException(job + " is " + status + ", not in a terminal state");
        }
        SerializedThrowable serialized = result.failureCause();
        if (serialized == null) {
            throw new JobExecutionException(result.jobId(), status, job + " failed for an unknown reason.", null);
        }
        Throwable cause = serialized.deserialize(userCodeClassLoader);
        String what = serialized.getMessage();
        String message;
        if (result.failedTask() != null) {
            String task = result.failedTask();
            int at = task.lastIndexOf(ON_TASK_MANAGER);
            String where = at < 0 ? "'" + task + "'" : "'" + task.substring(0, at) + "'" + task.substring(at);
            message = job + " failed: task " + where + " threw " + what;
        } else {
            message = job + " failed: " + what;
        }
        throw new JobExecutionException(result.jobId(), status, message, cause);
    }
}
