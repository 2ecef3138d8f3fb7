package io.sluice.runtime.network.api;

import io.sluice.api.typeutils.DataOutputView;

/** The last thing a producer sends on each subpartition: the channel delivers nothing after it. */
public final class EndOfPartitionEvent extends AbstractEvent {
    public static final EndOfPartitionEvent INSTANCE = new EndOfPartitionEvent();

    private EndOfPartitionEvent() {}

    @Override
    public byte eventTag() {
        return EventSerializer.END_OF_PARTITION;
    }

    @Override
    public void write(DataOutputView out) {}

    @Override
    public String toString() {
        return "EndOfPartition";
    }
}
