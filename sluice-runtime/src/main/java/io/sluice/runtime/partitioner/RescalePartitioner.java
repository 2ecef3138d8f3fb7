package io.sluice.runtime.partitioner;

import io.sluice.runtime.streamrecord.StreamRecord;

/**
 * "RESCALE": round robin, starting at channel 0, over the producer's own subpartitions, which a
 * pointwise edge connects to a local group of consumers only (cheaper than a full rebalance).
 */
public final class RescalePartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    private int nextChannel;

    @Override
    public void setup(int numberOfChannels) {
        super.setup(numberOfChannels);
        nextChannel = 0;
    }

    @Override
    public int selectChannel(StreamRecord<T> record) {
        int channel = nextChannel;
        nextChannel = channel + 1 == numberOfChannels ? 0 : channel + 1;
        return channel;
    }

    @Override
    public boolean isPointwise() {
        return true;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new RescalePartitioner<>();
    }

    @Override
    public String toString() {
        return "RESCALE";
    }
}
