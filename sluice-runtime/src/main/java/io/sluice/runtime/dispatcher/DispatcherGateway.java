package io.sluice.runtime.dispatcher;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.jobgraph.JobGraph;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Dispatcher as its clients see it (in-process now; over RPC in a process cluster). Every
 * method is non-blocking. Errors complete the future exceptionally with a message naming the job.
 */
public interface DispatcherGateway {
    /** Accepts the job and starts its JobMaster; completes when accepted. */
    CompletableFuture<Void> submitJob(JobGraph jobGraph);

    CompletableFuture<JobStatus> requestJobStatus(JobID jobId);

    CompletableFuture<Void> cancelJob(JobID jobId);

    /** Completes when the job reaches a terminal state. */
    CompletableFuture<JobResult> requestJobResult(JobID jobId);

    CompletableFuture<Collection<JobStatusMessage>> listJobs();

    /** The job's times, plan, per-vertex states and failure; fails with {@link JobNotFoundException}. */
    CompletableFuture<JobInfo> requestJobInfo(JobID jobId);

    /** {@link #requestJobInfo} for every job, in submission order. */
    CompletableFuture<List<JobInfo>> requestJobInfos();
}
