package io.sluice.runtime.e2e.lifecycle;

import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.execution.Pipeline;
import io.sluice.runtime.client.StreamGraphTranslator;
import io.sluice.runtime.jobgraph.JobGraph;

/** Turns a program built on an environment into a JobGraph for a MiniCluster the test owns. */
final class ClusterJobs {
    private ClusterJobs() {}

    /** The job graph of everything {@code env} has so far, named {@code jobName}. */
    static JobGraph jobGraph(StreamExecutionEnvironment env, String jobName) {
        return StreamGraphTranslator.toJobGraph(new Pipeline(
                jobName,
                env.getSinks(),
                env.getConfig(),
                env.getConfiguration(),
                env.getBufferTimeout(),
                env.isChainingEnabled()));
    }
}
