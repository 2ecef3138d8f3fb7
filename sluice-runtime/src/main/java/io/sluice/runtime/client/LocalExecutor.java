package io.sluice.runtime.client;

import io.sluice.api.common.JobClient;
import io.sluice.api.common.JobExecutionResult;
import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.execution.Pipeline;
import io.sluice.api.execution.PipelineExecutor;
import io.sluice.runtime.configuration.TaskManagerOptions;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.minicluster.MiniCluster;
import io.sluice.runtime.minicluster.MiniClusterConfiguration;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a pipeline on an embedded cluster started for it: one TaskManager with as many slots as
 * the job needs, stopped when the job ends. What {@code getExecutionEnvironment()} uses when a
 * program runs outside a cluster.
 */
public final class LocalExecutor implements PipelineExecutor {
    private final Configuration configuration;

    public LocalExecutor(Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    public CompletableFuture<JobClient> execute(Pipeline pipeline, ClassLoader userCodeClassLoader) throws Exception {
        JobGraph jobGraph = StreamGraphTranslator.toJobGraph(pipeline);
        Configuration conf = new Configuration(configuration);
        conf.addAll(pipeline.configuration());
        int slots = Math.max(
                jobGraph.getMaximumSlotsNeeded(),
                conf.contains(TaskManagerOptions.NUM_TASK_SLOTS) ? conf.get(TaskManagerOptions.NUM_TASK_SLOTS) : 1);
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(userCodeClassLoader);
        MiniCluster cluster;
        try {
            cluster = new MiniCluster(MiniClusterConfiguration.builder()
                    .setNumTaskManagers(1)
                    .setNumSlotsPerTaskManager(slots)
                    .setConfiguration(conf)
                    .build());
            cluster.start();
        } finally {
            current.setContextClassLoader(previous);
        }
        try {
            JobClient client = cluster.submitJob(jobGraph).get();
            return CompletableFuture.completedFuture(new ClusterClosingJobClient(client, cluster));
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    @Override
    public String getExecutionPlan(Pipeline pipeline) {
        return StreamGraphTranslator.toJsonPlan(pipeline);
    }

    /** Stops the embedded cluster once the job has ended, before the result is handed out. */
    private static final class ClusterClosingJobClient implements JobClient {
        private final JobClient delegate;
        private final CompletableFuture<JobExecutionResult> result;

        ClusterClosingJobClient(JobClient delegate, MiniCluster cluster) {
            this.delegate = delegate;
            this.result = new CompletableFuture<>();
            delegate.getJobExecutionResult().whenComplete((r, e) -> {
                Thread closer = new Thread(
                        () -> {
                            try {
                                cluster.close();
                            } finally {
                                if (e != null) {
                                    result.completeExceptionally(
                                            e instanceof java.util.concurrent.CompletionException
                                                            && e.getCause() != null
                                                    ? e.getCause()
                                                    : e);
                                } else {
                                    result.complete(r);
                                }
                            }
                        },
                        "MiniCluster shutdown");
                closer.start();
            });
        }

        @Override
        public JobID getJobID() {
            return delegate.getJobID();
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return result.isDone() ? CompletableFuture.completedFuture(statusOf(result)) : delegate.getJobStatus();
        }

        private static JobStatus statusOf(CompletableFuture<JobExecutionResult> f) {
            if (!f.isCompletedExceptionally()) {
                return JobStatus.FINISHED;
            }
            try {
                f.join();
            } catch (Exception e) {
                Throwable c = e.getCause();
                if (c instanceof io.sluice.api.common.JobExecutionException je && je.getFinalStatus() != null) {
                    return je.getFinalStatus();
                }
            }
            return JobStatus.FAILED;
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return result.isDone() ? CompletableFuture.completedFuture(null) : delegate.cancel();
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return result;
        }
    }
}
