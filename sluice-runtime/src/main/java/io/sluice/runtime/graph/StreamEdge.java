package io.sluice.runtime.graph;

import io.sluice.api.dag.PartitionTransformation.Partitioning;
import io.sluice.api.util.OutputTag;

/**
 * A connection between two stream nodes: how elements are partitioned, which input of the target
 * they feed (0 or 1), and which output of the source they come from (null = main output).
 */
public record StreamEdge(
        int sourceId, int targetId, Partitioning partitioning, int typeNumber, OutputTag<?> outputTag) {
    @Override
    public String toString() {
        return sourceId + " -> " + targetId + " (" + partitioning.kind()
                + (outputTag == null ? "" : ", side output " + outputTag.getId()) + ")";
    }
}
