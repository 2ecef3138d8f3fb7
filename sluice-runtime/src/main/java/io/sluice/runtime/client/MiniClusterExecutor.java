package io.sluice.runtime.client;

import io.sluice.api.common.JobClient;
import io.sluice.api.execution.Pipeline;
import io.sluice.api.execution.PipelineExecutor;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.minicluster.MiniCluster;
import java.util.concurrent.CompletableFuture;

/**
 * Runs pipelines on a {@link MiniCluster} that someone else started and stops (a test extension,
 * a session): unlike {@link LocalExecutor} it neither starts nor closes the cluster, so jobs share
 * it. A job that needs more slots than the cluster has free waits for them until the slot request
 * times out, then fails with a {@code NoResourceAvailableException}, as on any cluster.
 */
public final class MiniClusterExecutor implements PipelineExecutor {
    private final MiniCluster cluster;

    public MiniClusterExecutor(MiniCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public CompletableFuture<JobClient> execute(Pipeline pipeline, ClassLoader userCodeClassLoader) {
        JobGraph jobGraph = StreamGraphTranslator.toJobGraph(pipeline);
        return cluster.submitJob(jobGraph);
    }

    @Override
    public String getExecutionPlan(Pipeline pipeline) {
        return StreamGraphTranslator.toJsonPlan(pipeline);
    }
}
