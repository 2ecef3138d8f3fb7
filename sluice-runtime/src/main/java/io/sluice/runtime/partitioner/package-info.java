/**
 * Stream partitioners: which outgoing channel (subpartition) a record goes to on a job edge.
 *
 * <p>{@link io.sluice.runtime.partitioner.ChannelSelector} is what the network's
 * {@code RecordWriter} asks; {@link io.sluice.runtime.partitioner.StreamPartitioner} is the
 * serializable, plan-level form the graph carries (its {@code toString()} is the name shown in the
 * plan, and {@code isPointwise()} says which {@link io.sluice.runtime.jobgraph.DistributionPattern}
 * the edge needs). Each producer subtask works on its own {@code copy()}; instances are owned by
 * one task thread.
 */
package io.sluice.runtime.partitioner;
