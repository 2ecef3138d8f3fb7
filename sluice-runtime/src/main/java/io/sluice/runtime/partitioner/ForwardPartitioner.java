package io.sluice.runtime.partitioner;

import io.sluice.runtime.streamrecord.StreamRecord;

/**
 * "FORWARD": producer subtask i sends to consumer subtask i (pointwise, equal parallelism), so the
 * producer has one subpartition and every record goes to channel 0. Such edges are usually chained
 * away; this partitioner is used when chaining is off.
 */
public final class ForwardPartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        return 0;
    }

    @Override
    public boolean isPointwise() {
        return true;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new ForwardPartitioner<>();
    }

    @Override
    public String toString() {
        return "FORWARD";
    }
}
