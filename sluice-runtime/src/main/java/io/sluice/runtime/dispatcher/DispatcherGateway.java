package io.sluice.runtime.dispatcher;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.checkpoint.CheckpointCoordinatorConfiguration;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot;
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

    /**
     * The job's checkpoint statistics (as they were at its end once it ended); null when the job
     * does not checkpoint. Fails with {@link JobNotFoundException}.
     */
    CompletableFuture<CheckpointStatsSnapshot> requestCheckpointStats(JobID jobId);

    /** How the job checkpoints; null when it does not. Fails with {@link JobNotFoundException}. */
    CompletableFuture<CheckpointCoordinatorConfiguration> requestCheckpointConfig(JobID jobId);

    /**
     * Triggers a checkpoint of the running job; completes with the checkpoint's id once it completed.
     * Fails with {@link JobNotFoundException}, or with the reason the checkpoint failed or could not
     * be triggered (the job does not checkpoint or has ended).
     */
    CompletableFuture<Long> triggerCheckpoint(JobID jobId);
}
