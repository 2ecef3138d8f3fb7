package io.sluice.runtime.rest;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.checkpoint.CheckpointCoordinatorConfiguration;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot;
import io.sluice.runtime.dispatcher.DispatcherGateway;
import io.sluice.runtime.dispatcher.JobInfo;
import io.sluice.runtime.dispatcher.JobNotFoundException;
import io.sluice.runtime.dispatcher.JobResult;
import io.sluice.runtime.dispatcher.JobStatusMessage;
import io.sluice.runtime.jobgraph.JobGraph;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accepts every job and keeps its JobGraph; knows no job otherwise. For tests of what is submitted. */
final class RecordingDispatcher implements DispatcherGateway {
    final List<JobGraph> submitted = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> submitJob(JobGraph jobGraph) {
        submitted.add(jobGraph);
        return CompletableFuture.completedFuture(null);
    }

    private static <T> CompletableFuture<T> unknown(JobID jobId) {
        return CompletableFuture.failedFuture(new JobNotFoundException(jobId));
    }

    @Override
    public CompletableFuture<JobStatus> requestJobStatus(JobID jobId) {
        return unknown(jobId);
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobID jobId) {
        return unknown(jobId);
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        return unknown(jobId);
    }

    @Override
    public CompletableFuture<Collection<JobStatusMessage>> listJobs() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<JobInfo> requestJobInfo(JobID jobId) {
        return unknown(jobId);
    }

    @Override
    public CompletableFuture<List<JobInfo>> requestJobInfos() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<CheckpointStatsSnapshot> requestCheckpointStats(JobID jobId) {
        return unknown(jobId);
    }

    @Override
    public CompletableFuture<CheckpointCoordinatorConfiguration> requestCheckpointConfig(JobID jobId) {
        return unknown(jobId);
    }

    @Override
    public CompletableFuture<Long> triggerCheckpoint(JobID jobId) {
        return unknown(jobId);
    }
}
