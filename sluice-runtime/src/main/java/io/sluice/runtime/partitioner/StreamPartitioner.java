package io.sluice.runtime.partitioner;

import io.sluice.runtime.jobgraph.DistributionPattern;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.io.Serializable;

/**
 * The partitioner of a stream edge: a serializable {@link ChannelSelector} for stream records.
 * The graph holds one instance per edge; each producer subtask calls {@link #copy()} and {@link
 * #setup} on its own copy, which its task thread then owns.
 *
 * <p>{@link #toString()} is the edge's name in the plan ("FORWARD", "HASH", ...). {@link
 * #isPointwise()} says whether the edge is wired {@link DistributionPattern#POINTWISE} (each
 * producer talks to a few consumers) or {@link DistributionPattern#ALL_TO_ALL}.
 */
public abstract class StreamPartitioner<T> implements ChannelSelector<StreamRecord<T>>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Set by {@link #setup}; 0 before. */
    protected int numberOfChannels;

    @Override
    public void setup(int numberOfChannels) {
        if (numberOfChannels < 1) {
            throw new IllegalArgumentException(
                    this + " partitioner needs at least one output channel, got " + numberOfChannels);
        }
        this.numberOfChannels = numberOfChannels;
    }

    @Override
    public boolean isBroadcast() {
        return false;
    }

    /** True for edges wired {@link DistributionPattern#POINTWISE} (forward, rescale). */
    public boolean isPointwise() {
        return false;
    }

    /** The distribution pattern the job graph must use for this edge. */
    public final DistributionPattern getDistributionPattern() {
        return isPointwise() ? DistributionPattern.POINTWISE : DistributionPattern.ALL_TO_ALL;
    }

    /** A fresh, not yet set up instance for one producer subtask. */
    public abstract StreamPartitioner<T> copy();

    /** The name shown in the plan. */
    @Override
    public abstract String toString();
}
