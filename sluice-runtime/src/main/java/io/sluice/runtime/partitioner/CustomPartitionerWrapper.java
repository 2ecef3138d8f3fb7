package io.sluice.runtime.partitioner;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.Partitioner;
import io.sluice.runtime.streamrecord.StreamRecord;

/**
 * "CUSTOM" ({@code partitionCustom}): a user {@link Partitioner} picks the channel from the key.
 * A partition outside {@code [0, numberOfChannels)} fails the task with a message naming the
 * partitioner, instead of silently wrapping around.
 */
public final class CustomPartitionerWrapper<K, T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    private final Partitioner<K> partitioner;
    private final KeySelector<T, K> keySelector;

    public CustomPartitionerWrapper(Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        if (partitioner == null || keySelector == null) {
            throw new NullPointerException("partitionCustom needs a partitioner and a key selector");
        }
        this.partitioner = partitioner;
        this.keySelector = keySelector;
    }

    @Override
    public int selectChannel(StreamRecord<T> record) {
        K key;
        try {
            key = keySelector.getKey(record.getValue());
        } catch (Exception e) {
            throw new IllegalStateException(
                    "partitionCustom key selector " + keySelector.getClass().getName() + " failed for record "
                            + record.getValue(),
                    e);
        }
        int channel = partitioner.partition(key, numberOfChannels);
        if (channel < 0 || channel >= numberOfChannels) {
            throw new IllegalStateException(
                    "Custom partitioner " + partitioner.getClass().getName()
                            + " returned partition " + channel + " for key " + key + ", outside [0, " + numberOfChannels
                            + "): it must return a value in [0, numPartitions)");
        }
        return channel;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new CustomPartitionerWrapper<>(partitioner, keySelector);
    }

    @Override
    public String toString() {
        return "CUSTOM";
    }
}
