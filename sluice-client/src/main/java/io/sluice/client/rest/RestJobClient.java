package io.sluice.client.rest;

import io.sluice.api.common.JobClient;
import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.dispatcher.JobResults;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link JobClient} of a job on a cluster reached over REST. {@link #getJobExecutionResult}
 * polls the cluster (with back-off) until the job ended, then completes with its result (net
 * runtime and accumulators) when it FINISHED, or fails with a {@link JobExecutionException}: for
 * FAILED with the user's exception as the cause and the task and exception in the message, for
 * CANCELED saying so. When no cluster answers, futures fail with {@link ClusterUnreachableException}.
 *
 * <p>Accumulators and exceptions are rebuilt with {@code userCodeClassLoader}, so a user's own
 * exception types come back as themselves. Thread-safe and non-blocking.
 */
public final class RestJobClient implements JobClient {
    private final RestClusterClient client;
    private final JobID jobId;
    private final ClassLoader userCodeClassLoader;

    public RestJobClient(RestClusterClient client, JobID jobId, ClassLoader userCodeClassLoader) {
        this.client = client;
        this.jobId = jobId;
        this.userCodeClassLoader = userCodeClassLoader;
    }

    @Override
    public JobID getJobID() {
        return jobId;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return client.getJobStatus(jobId);
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return client.cancel(jobId);
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return JobResults.toJobExecutionResult(client.awaitJobResult(jobId), userCodeClassLoader);
    }

    @Override
    public String toString() {
        return "RestJobClient{" + jobId + " at " + client.getBaseUrl() + "}";
    }
}
