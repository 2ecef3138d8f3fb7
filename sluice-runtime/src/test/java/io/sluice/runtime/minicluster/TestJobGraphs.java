package io.sluice.runtime.minicluster;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.common.JobID;
import io.sluice.runtime.jobgraph.DistributionPattern;
import io.sluice.runtime.jobgraph.IntermediateDataSetID;
import io.sluice.runtime.jobgraph.JobEdge;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import io.sluice.runtime.jobgraph.JobVertexID;

/** Builds small job graphs for control-plane tests. */
final class TestJobGraphs {
    private TestJobGraphs() {}

    static JobGraph graph(String name) {
        return new JobGraph(JobID.generate(), name, new ExecutionConfig());
    }

    static JobVertex vertex(String name, int parallelism) {
        return vertex(name, parallelism, "default");
    }

    static JobVertex vertex(String name, int parallelism, String slotSharingGroup) {
        return new JobVertex(new JobVertexID(), name, parallelism, 128, slotSharingGroup, name.getBytes(), false);
    }

    /** Connects producer to consumer with a new data set; returns it. */
    static IntermediateDataSetID connect(JobVertex producer, JobVertex consumer, DistributionPattern pattern) {
        IntermediateDataSetID ds = new IntermediateDataSetID();
        producer.getProducedDataSets().add(ds);
        consumer.getInputs().add(new JobEdge(ds, producer.getId(), consumer.getId(), pattern, pattern.name(), 0));
        return ds;
    }

    /** A chain of vertices connected ALL_TO_ALL, added to a new graph. */
    static JobGraph chain(String name, JobVertex... vertices) {
        JobGraph g = graph(name);
        for (int i = 1; i < vertices.length; i++) {
            connect(vertices[i - 1], vertices[i], DistributionPattern.ALL_TO_ALL);
        }
        for (JobVertex v : vertices) {
            g.addVertex(v);
        }
        return g;
    }
}
