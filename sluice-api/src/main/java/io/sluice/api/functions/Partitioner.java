package io.sluice.api.functions;

/** Chooses the target partition of a key, for {@code partitionCustom}. */
@FunctionalInterface
public interface Partitioner<K> extends Function {
    /** Returns a partition in {@code [0, numPartitions)}. */
    int partition(K key, int numPartitions);
}
