package io.sluice.api.execution;

import io.sluice.api.common.JobClient;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a {@link Pipeline} into a job and submits it somewhere: an embedded cluster ("local") or
 * a running cluster ("remote"). Found through {@link PipelineExecutorFactory} and
 * {@link java.util.ServiceLoader}, so the API does not depend on the runtime.
 */
public interface PipelineExecutor {
    /** Submits the job; the future completes when the cluster accepted it. */
    CompletableFuture<JobClient> execute(Pipeline pipeline, ClassLoader userCodeClassLoader) throws Exception;

    /** The JSON execution plan of the pipeline, without running it. */
    String getExecutionPlan(Pipeline pipeline);
}
