package io.sluice.runtime.dispatcher;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.api.configuration.Configuration;
import io.sluice.runtime.blob.BlobKey;
import io.sluice.runtime.configuration.ClusterOptions;
import io.sluice.runtime.execution.librarycache.LibraryCacheManager;
import io.sluice.runtime.executiongraph.restart.RestartStrategy;
import io.sluice.runtime.heartbeat.HeartbeatSettings;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobmaster.JobDetails;
import io.sluice.runtime.jobmaster.JobMaster;
import io.sluice.runtime.jobmaster.JobMasterGateway;
import io.sluice.runtime.jobmaster.JobMasterServices;
import io.sluice.runtime.rpc.RpcEndpoint;
import io.sluice.runtime.taskexecutor.TaskExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts jobs and starts one {@link JobMaster} per job; keeps the results of finished jobs so
 * status and result queries still answer after the job ended. One job's failure never touches
 * another's JobMaster.
 *
 * <p>Threading: the job tables are owned by the Dispatcher's main thread; gateway methods hop onto
 * it. It talks to running jobs only through their {@link JobMasterGateway} and result future.
 */
public final class Dispatcher extends RpcEndpoint implements DispatcherGateway {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final DispatcherServices services;
    private final LibraryCacheManager libraryCache;
    private volatile TaskExecutor.UserJarResolver userJarResolver;

    // Owned by the main thread.
    private final LinkedHashMap<JobID, Job> jobs = new LinkedHashMap<>();
    private boolean closing;

    /** A submitted job: its JobMaster while it runs, its result once it ended. */
    private static final class Job {
        final JobID jobId;
        final String name;
        final long startTimeMillis;
        final String jsonPlan;
        final JobMaster jobMaster;
        final LibraryCacheManager.Lease userCode;
        final CompletableFuture<JobResult> result = new CompletableFuture<>();
        // Set on the main thread when the job ended, before result completes.
        long endTimeMillis = -1;
        JobDetails finalDetails;

        Job(
                JobID jobId,
                String name,
                long startTimeMillis,
                String jsonPlan,
                JobMaster jobMaster,
                LibraryCacheManager.Lease userCode) {
            this.jobId = jobId;
            this.name = name;
            this.startTimeMillis = startTimeMillis;
            this.jsonPlan = jsonPlan;
            this.jobMaster = jobMaster;
            this.userCode = userCode;
        }
    }

    public Dispatcher(String address, DispatcherServices services) {
        super(address);
        this.services = services;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        this.libraryCache = new LibraryCacheManager(context != null ? context : Dispatcher.class.getClassLoader());
    }

    /**
     * Sets where the jars of jobs are found (the cluster's jar store): a job with jars gets a
     * JobMaster that loads its classes (sources' enumerators, accumulators) from them, through a
     * class loader closed when the job ends. Without one, such a job uses the Dispatcher's loader.
     */
    public void setUserJarResolver(TaskExecutor.UserJarResolver resolver) {
        this.userJarResolver = resolver;
    }

    @Override
    public CompletableFuture<Void> submitJob(JobGraph jobGraph) {
        return callAsync(() -> {
            if (closing) {
                throw new IllegalStateException("Cannot submit job '" + jobGraph.getName() + "' (" + jobGraph.getJobId()
                        + "): the cluster is shutting down");
            }
            if (jobs.containsKey(jobGraph.getJobId())) {
                throw new IllegalArgumentException("Job '" + jobGraph.getName() + "' (" + jobGraph.getJobId()
                        + ") was already submitted to this cluster; submit it with a new job id");
            }
            if (jobGraph.getVertices().isEmpty()) {
                throw new IllegalArgumentException("Job '" + jobGraph.getName() + "' (" + jobGraph.getJobId()
                        + ") has no vertices; add at least one source and sink before executing it");
            }
            Configuration conf = services.configuration();
            JobMasterServices jmServices = new JobMasterServices(
                    services.rpcService(),
                    services.resourceManagerAddress(),
                    conf.get(ClusterOptions.SLOT_REQUEST_TIMEOUT),
                    services.clock(),
                    HeartbeatSettings.fromConfiguration(conf),
                    () -> RestartStrategy.fromConfiguration(conf),
                    new Configuration(conf).addAll(jobGraph.getJobConfiguration()));
            LibraryCacheManager.Lease userCode = userCodeOf(jobGraph);
            JobMaster jobMaster;
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            try {
                if (userCode != null) {
                    thread.setContextClassLoader(userCode.getClassLoader());
                }
                jobMaster = new JobMaster(jobGraph, jmServices);
            } catch (RuntimeException e) {
                if (userCode != null) {
                    userCode.release();
                }
                throw e;
            } finally {
                thread.setContextClassLoader(previous);
            }
            Job job = new Job(
                    jobGraph.getJobId(),
                    jobGraph.getName(),
                    services.clock().millis(),
                    jobGraph.getJsonPlan(),
                    jobMaster,
                    userCode);
            jobs.put(job.jobId, job);
            LOG.info("Submitted job '{}' ({})", job.name, job.jobId);
            jobMaster.start();
            jobMaster
                    .getResultFuture()
                    .whenCompleteAsync((result, error) -> onJobTerminated(job, result, error), getMainThreadExecutor());
            return null;
        });
    }

    /** The class loader lease over the job's jars, or null for a job without jars (or no resolver). */
    private LibraryCacheManager.Lease userCodeOf(JobGraph jobGraph) {
        TaskExecutor.UserJarResolver resolver = userJarResolver;
        if (jobGraph.getUserJarBlobKeys().isEmpty() || resolver == null) {
            return null;
        }
        List<Path> jars = new ArrayList<>();
        for (String key : jobGraph.getUserJarBlobKeys()) {
            try {
                jars.add(resolver.resolve(BlobKey.fromString(key)));
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "Job '" + jobGraph.getName() + "' (" + jobGraph.getJobId() + ") names jar " + key
                                + ", which the cluster cannot read: " + e.getMessage(),
                        e);
            }
        }
        return libraryCache.register(jobGraph.getJobId(), jars);
    }

    private void onJobTerminated(Job job, JobResult result, Throwable error) {
        if (job.userCode != null) {
            job.userCode.release();
        }
        job.endTimeMillis = services.clock().millis();
        job.finalDetails = job.jobMaster.getFinalJobDetails();
        if (error != null) {
            LOG.error("JobMaster of job '{}' ({}) ended without a result", job.name, job.jobId, error);
            job.result.completeExceptionally(error);
            return;
        }
        LOG.info("Job '{}' ({}) reached {}", job.name, job.jobId, result.status());
        job.result.complete(result);
    }

    @Override
    public CompletableFuture<JobStatus> requestJobStatus(JobID jobId) {
        return callAsyncCompose(() -> statusOf(job(jobId)));
    }

    private CompletableFuture<JobStatus> statusOf(Job job) {
        if (job.result.isDone()) {
            return job.result.thenApply(JobResult::status);
        }
        // A JobMaster that just stopped rejects the call; its result future is complete by then.
        return job.jobMaster
                .requestJobStatus()
                .exceptionallyCompose(e -> job.jobMaster.getResultFuture().thenApply(JobResult::status));
    }

    @Override
    public CompletableFuture<Void> cancelJob(JobID jobId) {
        return callAsyncCompose(() -> {
            Job job = job(jobId);
            if (job.result.isDone()) {
                return CompletableFuture.completedFuture(null);
            }
            LOG.info("Cancelling job '{}' ({})", job.name, jobId);
            JobMasterGateway gateway = job.jobMaster;
            return gateway.cancel().exceptionally(e -> null); // a stopped JobMaster's job has ended anyway
        });
    }

    @Override
    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        return callAsyncCompose(() -> job(jobId).result);
    }

    @Override
    public CompletableFuture<Collection<JobStatusMessage>> listJobs() {
        return callAsyncCompose(() -> {
            List<Job> snapshot = new ArrayList<>(jobs.values());
            List<CompletableFuture<JobStatus>> statuses = new ArrayList<>();
            for (Job job : snapshot) {
                statuses.add(statusOf(job));
            }
            return CompletableFuture.allOf(statuses.toArray(CompletableFuture[]::new))
                    .thenApply(ignored -> {
                        List<JobStatusMessage> list = new ArrayList<>();
                        for (int i = 0; i < snapshot.size(); i++) {
                            Job job = snapshot.get(i);
                            list.add(new JobStatusMessage(
                                    job.jobId, job.name, statuses.get(i).join(), job.startTimeMillis));
                        }
                        return list;
                    });
        });
    }

    @Override
    public CompletableFuture<JobInfo> requestJobInfo(JobID jobId) {
        return callAsyncCompose(() -> infoOf(job(jobId)));
    }

    @Override
    public CompletableFuture<List<JobInfo>> requestJobInfos() {
        return callAsyncCompose(() -> {
            List<CompletableFuture<JobInfo>> infos = new ArrayList<>();
            for (Job job : jobs.values()) {
                infos.add(infoOf(job));
            }
            return CompletableFuture.allOf(infos.toArray(CompletableFuture[]::new))
                    .thenApply(ignored -> {
                        List<JobInfo> list = new ArrayList<>();
                        for (CompletableFuture<JobInfo> f : infos) {
                            list.add(f.join());
                        }
                        return list;
                    });
        });
    }

    private CompletableFuture<JobInfo> infoOf(Job job) {
        if (job.result.isDone() && job.finalDetails != null) {
            return CompletableFuture.completedFuture(
                    new JobInfo(job.startTimeMillis, job.endTimeMillis, job.jsonPlan, job.finalDetails));
        }
        // A JobMaster that just stopped rejects the call; its final details are set by then. The end
        // time is read on this thread, where onJobTerminated sets it.
        return job.jobMaster
                .requestJobDetails()
                .exceptionallyCompose(
                        e -> job.jobMaster.getResultFuture().thenApply(r -> job.jobMaster.getFinalJobDetails()))
                .thenApplyAsync(
                        details -> new JobInfo(
                                job.startTimeMillis,
                                details.status().isTerminal() ? endTimeOf(job) : -1,
                                job.jsonPlan,
                                details),
                        getMainThreadExecutor());
    }

    private long endTimeOf(Job job) {
        return job.endTimeMillis >= 0 ? job.endTimeMillis : services.clock().millis();
    }

    /** Cancels every running job; completes when all of them ended. New submissions are rejected. */
    public CompletableFuture<Void> closeAsync() {
        return callAsyncCompose(() -> {
            closing = true;
            List<CompletableFuture<?>> results = new ArrayList<>();
            for (Job job : jobs.values()) {
                if (!job.result.isDone()) {
                    job.jobMaster.cancel();
                    // The Dispatcher's own future, completed on this thread after the JobMaster's: waiting
                    // for the JobMaster's alone let shutdownNow() drop the completion, so clients waiting
                    // for the result never heard back.
                    results.add(job.result);
                }
            }
            return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new));
        });
    }

    /**
     * Stops the Dispatcher's thread and those of jobs still running without waiting for their tasks.
     * Call after {@link #closeAsync()}, from any thread.
     */
    public void shutdownNow(Duration timeout) {
        List<JobMaster> running;
        try {
            running = callAsync(() -> {
                        List<JobMaster> list = new ArrayList<>();
                        for (Job job : jobs.values()) {
                            if (!job.result.isDone()) {
                                list.add(job.jobMaster);
                            }
                        }
                        return list;
                    })
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            running = List.of();
        }
        for (JobMaster jm : running) {
            LOG.warn("Job {} did not end in time; stopping its JobMaster", jm.getJobId());
            jm.shutdownNow();
        }
        getMainThreadExecutor().shutdownNow(timeout);
    }

    private Job job(JobID jobId) {
        Job job = jobs.get(jobId);
        if (job == null) {
            throw new JobNotFoundException(jobId);
        }
        return job;
    }
}
