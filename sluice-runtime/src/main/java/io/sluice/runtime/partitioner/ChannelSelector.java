package io.sluice.runtime.partitioner;

/**
 * Chooses the outgoing channel of a record. Owned by one task thread (the producer's); not
 * thread-safe.
 *
 * <p>Call order: {@link #setup} once with the number of subpartitions of the producer's result
 * partition, then {@link #selectChannel} per record. A broadcast selector is never asked to select
 * a channel: the writer sends every record to every channel instead.
 */
public interface ChannelSelector<T> {
    /** Called once before the first record with the number of outgoing channels. */
    void setup(int numberOfChannels);

    /** The channel, in {@code [0, numberOfChannels)}, for {@code record}. Must not allocate. */
    int selectChannel(T record);

    /** True if every record goes to every channel. */
    boolean isBroadcast();
}
