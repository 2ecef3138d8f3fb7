package io.sluice.runtime.jobgraph;

/**
 * How producer subtasks connect to consumer subtasks.
 *
 * <ul>
 *   <li>{@link #ALL_TO_ALL}: every producer has one subpartition per consumer; consumer j reads
 *       subpartition j of every producer (keyBy, rebalance, shuffle, broadcast, global, custom).
 *   <li>{@link #POINTWISE}: each producer connects to a contiguous group of consumers or the
 *       other way round (forward with equal parallelism: one to one; rescale), see {@link EdgeConnections}.
 * </ul>
 */
public enum DistributionPattern {
    ALL_TO_ALL,
    POINTWISE
}
