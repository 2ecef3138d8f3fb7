package io.sluice.runtime.client;

import io.sluice.api.common.JobID;
import io.sluice.api.execution.Pipeline;
import io.sluice.runtime.graph.JobGraphGenerator;
import io.sluice.runtime.graph.JsonPlanGenerator;
import io.sluice.runtime.graph.StreamGraph;
import io.sluice.runtime.graph.StreamGraphGenerator;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.SavepointRestoreSettings;

/** Pipeline → stream graph → job graph: what every executor does before submitting. */
public final class StreamGraphTranslator {
    private StreamGraphTranslator() {}

    public static JobGraph toJobGraph(Pipeline pipeline) {
        StreamGraph streamGraph = StreamGraphGenerator.generate(pipeline);
        JobGraph jobGraph = JobGraphGenerator.generate(streamGraph, JobID.generate());
        jobGraph.setSavepointRestoreSettings(SavepointRestoreSettings.fromConfiguration(pipeline.configuration()));
        return jobGraph;
    }

    public static String toJsonPlan(Pipeline pipeline) {
        return JsonPlanGenerator.generate(StreamGraphGenerator.generate(pipeline));
    }
}
