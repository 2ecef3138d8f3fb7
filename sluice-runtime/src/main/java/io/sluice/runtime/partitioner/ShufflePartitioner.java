package io.sluice.runtime.partitioner;

import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.concurrent.ThreadLocalRandom;

/** "SHUFFLE": a uniformly random channel per record. */
public final class ShufflePartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        return ThreadLocalRandom.current().nextInt(numberOfChannels);
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new ShufflePartitioner<>();
    }

    @Override
    public String toString() {
        return "SHUFFLE";
    }
}
