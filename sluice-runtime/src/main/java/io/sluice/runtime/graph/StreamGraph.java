package io.sluice.runtime.graph;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.configuration.Configuration;
import java.util.Collection;
import java.util.Collections;
import java.util.TreeMap;

/** The program as operators (nodes) and connections (edges), before chaining. */
public final class StreamGraph {
    private final String jobName;
    private final ExecutionConfig executionConfig;
    private final Configuration jobConfiguration = new Configuration();
    private final boolean chainingEnabled;
    private final TreeMap<Integer, StreamNode> nodes = new TreeMap<>();

    StreamGraph(String jobName, ExecutionConfig executionConfig, boolean chainingEnabled) {
        this.jobName = jobName;
        this.executionConfig = executionConfig;
        this.chainingEnabled = chainingEnabled;
    }

    public String getJobName() {
        return jobName;
    }

    /** The program's configuration: checkpoint and restart settings travel with the job. */
    public Configuration getJobConfiguration() {
        return jobConfiguration;
    }

    public ExecutionConfig getExecutionConfig() {
        return executionConfig;
    }

    public boolean isChainingEnabled() {
        return chainingEnabled;
    }

    void addNode(StreamNode node) {
        nodes.put(node.getId(), node);
    }

    void addEdge(StreamEdge edge) {
        nodes.get(edge.sourceId()).getOutEdges().add(edge);
        nodes.get(edge.targetId()).getInEdges().add(edge);
    }

    public StreamNode getNode(int id) {
        return nodes.get(id);
    }

    /** Nodes by id; ids follow creation order, so producers come before consumers. */
    public Collection<StreamNode> getNodes() {
        return Collections.unmodifiableCollection(nodes.values());
    }
}
