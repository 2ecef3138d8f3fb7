package io.sluice.api.common;

import java.util.concurrent.CompletableFuture;

/**
 * A handle on a submitted job, returned by {@code executeAsync()}. Every method is non-blocking
 * and safe to call from any thread.
 */
public interface JobClient {
    JobID getJobID();

    CompletableFuture<JobStatus> getJobStatus();

    /** Asks the cluster to cancel the job; completes when the cancellation was accepted. */
    CompletableFuture<Void> cancel();

    /**
     * Completes with the result when the job finishes; completes exceptionally with a
     * {@code JobExecutionException} (carrying the user's exception as its cause) when it fails or is
     * cancelled.
     */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
