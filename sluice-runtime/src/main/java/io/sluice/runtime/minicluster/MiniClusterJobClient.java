package io.sluice.runtime.minicluster;

import io.sluice.api.common.JobClient;
import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.dispatcher.DispatcherGateway;
import io.sluice.runtime.dispatcher.JobResults;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link JobClient} for a job in a {@link MiniCluster}: every call goes to the Dispatcher's
 * gateway. Thread-safe and non-blocking. The result's accumulators and exceptions are
 * deserialized with the given user-code class loader.
 */
public final class MiniClusterJobClient implements JobClient {
    private final JobID jobId;
    private final DispatcherGateway dispatcher;
    private final ClassLoader userCodeClassLoader;

    public MiniClusterJobClient(JobID jobId, DispatcherGateway dispatcher, ClassLoader userCodeClassLoader) {
        this.jobId = jobId;
        this.dispatcher = dispatcher;
        this.userCodeClassLoader = userCodeClassLoader;
    }

    @Override
    public JobID getJobID() {
        return jobId;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return dispatcher.requestJobStatus(jobId);
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return dispatcher.cancelJob(jobId);
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return JobResults.toJobExecutionResult(dispatcher.requestJobResult(jobId), userCodeClassLoader);
    }

    @Override
    public String toString() {
        return "MiniClusterJobClient{" + jobId + "}";
    }
}
