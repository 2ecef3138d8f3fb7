package io.sluice.api.common;

/**
 * Thrown by {@code execute()} when a job does not finish: it failed (the cause is the user's
 * exception, with the task and subtask where it happened in the message) or was cancelled.
 */
public class JobExecutionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final JobStatus finalStatus;

    public JobExecutionException(JobID jobId, JobStatus finalStatus, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
        this.finalStatus = finalStatus;
    }

    public JobID getJobID() {
        return jobId;
    }

    public JobStatus getFinalStatus() {
        return finalStatus;
    }
}
