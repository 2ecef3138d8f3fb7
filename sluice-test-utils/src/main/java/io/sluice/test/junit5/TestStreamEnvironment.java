package io.sluice.test.junit5;

import io.sluice.api.configuration.Configuration;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.execution.ExecutionOptions;
import io.sluice.api.execution.PipelineExecutor;
import io.sluice.runtime.client.MiniClusterExecutor;
import io.sluice.runtime.minicluster.MiniCluster;

/**
 * An environment whose jobs run on a {@link MiniCluster} that is already running and stays running
 * after them (see {@link MiniClusterExtension}), with the cluster's slot count as default
 * parallelism. Used by the program's thread only, like every environment.
 */
public class TestStreamEnvironment extends StreamExecutionEnvironment {
    private final MiniCluster miniCluster;

    public TestStreamEnvironment(MiniCluster miniCluster, int parallelism) {
        this(miniCluster, parallelism, new Configuration());
    }

    public TestStreamEnvironment(MiniCluster miniCluster, int parallelism, Configuration configuration) {
        super(withParallelism(configuration, parallelism));
        this.miniCluster = miniCluster;
    }

    private static Configuration withParallelism(Configuration configuration, int parallelism) {
        Configuration c = new Configuration(configuration);
        c.set(ExecutionOptions.DEFAULT_PARALLELISM, parallelism);
        return c;
    }

    /** The cluster this environment's jobs run on. */
    public MiniCluster getMiniCluster() {
        return miniCluster;
    }

    @Override
    protected PipelineExecutor executor() {
        return new MiniClusterExecutor(miniCluster);
    }
}
