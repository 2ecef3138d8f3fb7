package io.sluice.runtime.client;

import io.sluice.api.configuration.Configuration;
import io.sluice.api.execution.PipelineExecutor;
import io.sluice.api.execution.PipelineExecutorFactory;

/** {@code execution.target: local}: an embedded cluster per job. */
public final class LocalExecutorFactory implements PipelineExecutorFactory {
    @Override
    public String getName() {
        return "local";
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        return new LocalExecutor(configuration);
    }
}
