package io.sluice.api.execution;

import io.sluice.api.configuration.Configuration;

/** Creates executors for one value of {@code execution.target}; registered as a Java service. */
public interface PipelineExecutorFactory {
    /** The value of {@code execution.target} this factory serves, e.g. "local". */
    String getName();

    PipelineExecutor getExecutor(Configuration configuration);
}
