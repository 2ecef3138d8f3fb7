package io.sluice.runtime.partitioner;

import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.concurrent.ThreadLocalRandom;

/**
 * "REBALANCE": round robin over all channels, starting at a random channel chosen in {@link
 * #setup} so that producers do not all hit consumer 0 first.
 */
public final class RebalancePartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    private int nextChannel;

    @Override
    public void setup(int numberOfChannels) {
        super.setup(numberOfChannels);
        nextChannel = ThreadLocalRandom.current().nextInt(numberOfChannels);
    }

    @Override
    public int selectChannel(StreamRecord<T> record) {
        int channel = nextChannel;
        nextChannel = channel + 1 == numberOfChannels ? 0 : channel + 1;
        return channel;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new RebalancePartitioner<>();
    }

    @Override
    public String toString() {
        return "REBALANCE";
    }
}
