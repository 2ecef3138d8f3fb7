package io.sluice.runtime.partitioner;

import io.sluice.api.functions.KeySelector;
import io.sluice.runtime.state.KeyGroupRangeAssignment;
import io.sluice.runtime.streamrecord.StreamRecord;

/**
 * "HASH" ({@code keyBy}): key → key group → consumer subtask, by {@link KeyGroupRangeAssignment},
 * so a record reaches the subtask whose keyed state holds its key group.
 */
public final class KeyGroupStreamPartitioner<T, K> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    private final KeySelector<T, K> keySelector;
    private final int maxParallelism;

    public KeyGroupStreamPartitioner(KeySelector<T, K> keySelector, int maxParallelism) {
        KeyGroupRangeAssignment.checkParallelismPreconditions(maxParallelism);
        if (keySelector == null) {
            throw new NullPointerException("keyBy needs a key selector");
        }
        this.keySelector = keySelector;
        this.maxParallelism = maxParallelism;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    @Override
    public int selectChannel(StreamRecord<T> record) {
        K key;
        try {
            key = keySelector.getKey(record.getValue());
        } catch (Exception e) {
            throw new IllegalStateException(
                    "keyBy key selector " + keySelector.getClass().getName() + " failed for record "
                            + record.getValue(),
                    e);
        }
        if (key == null) {
            throw new NullPointerException(
                    "keyBy key selector " + keySelector.getClass().getName()
                            + " returned null for record " + record.getValue()
                            + ": keys must not be null; return a non-null key for every record");
        }
        return KeyGroupRangeAssignment.assignKeyToParallelOperator(key, maxParallelism, numberOfChannels);
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new KeyGroupStreamPartitioner<>(keySelector, maxParallelism);
    }

    @Override
    public String toString() {
        return "HASH";
    }
}
