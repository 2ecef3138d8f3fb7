package io.sluice.runtime.jobgraph;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.common.JobID;
import io.sluice.api.configuration.Configuration;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client submits: job vertices (operator chains) connected by edges, in topological order
 * (every producer before its consumers), plus the job-wide configuration.
 */
public final class JobGraph implements Serializable {
    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final String name;
    private final ExecutionConfig executionConfig;
    private final LinkedHashMap<JobVertexID, JobVertex> vertices = new LinkedHashMap<>();
    private final List<String> userJarBlobKeys = new ArrayList<>();
    /** The job's own settings (its environment's configuration); they win over the cluster's. */
    private final Configuration jobConfiguration = new Configuration();

    private String jsonPlan = "{}";

    public JobGraph(JobID jobId, String name, ExecutionConfig executionConfig) {
        this.jobId = jobId;
        this.name = name;
        this.executionConfig = executionConfig;
    }

    public JobID getJobId() {
        return jobId;
    }

    public String getName() {
        return name;
    }

    public ExecutionConfig getExecutionConfig() {
        return executionConfig;
    }

    /** Adds a vertex; call in topological order. */
    public void addVertex(JobVertex vertex) {
        for (JobEdge e : vertex.getInputs()) {
            if (!vertices.containsKey(e.producer())) {
                throw new IllegalArgumentException(
                        "Vertex " + vertex.getName() + " added before its producer " + e.producer());
            }
        }
        vertices.put(vertex.getId(), vertex);
    }

    /** Vertices in topological order. */
    public List<JobVertex> getVertices() {
        return List.copyOf(vertices.values());
    }

    public JobVertex getVertex(JobVertexID id) {
        return vertices.get(id);
    }

    public Map<JobVertexID, JobVertex> getVertexMap() {
        return Collections.unmodifiableMap(vertices);
    }

    /** The JSON execution plan shown by {@code getExecutionPlan()} and the REST API. */
    public String getJsonPlan() {
        return jsonPlan;
    }

    public void setJsonPlan(String jsonPlan) {
        this.jsonPlan = jsonPlan;
    }

    public Configuration getJobConfiguration() {
        return jobConfiguration;
    }

    public List<String> getUserJarBlobKeys() {
        return userJarBlobKeys;
    }

    /** Slots needed: per slot sharing group, the highest parallelism in it; summed over groups. */
    public int getMaximumSlotsNeeded() {
        Map<String, Integer> perGroup = new LinkedHashMap<>();
        for (JobVertex v : vertices.values()) {
            perGroup.merge(v.getSlotSharingGroup(), v.getParallelism(), Math::max);
        }
        return perGroup.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        return "JobGraph '" + name + "' (" + jobId + ", " + vertices.size() + " vertices)";
    }
}
