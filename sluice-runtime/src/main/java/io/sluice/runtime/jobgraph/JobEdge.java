package io.sluice.runtime.jobgraph;

import java.io.Serializable;

/**
 * An input of a job vertex: it reads {@code dataSetId}, produced by {@code producer}. The
 * partitioning itself lives in the producer's task configuration; the edge carries only what the
 * scheduler needs, plus a name for the plan ("HASH", "REBALANCE", "FORWARD", ...).
 *
 * @param inputIndex which logical input of the consumer this is (0, or 1 for the second input of a
 *     two-input operator); several edges may share an index (union)
 */
public record JobEdge(
        IntermediateDataSetID dataSetId,
        JobVertexID producer,
        JobVertexID consumer,
        DistributionPattern distributionPattern,
        String shipStrategyName,
        int inputIndex)
        implements Serializable {}
