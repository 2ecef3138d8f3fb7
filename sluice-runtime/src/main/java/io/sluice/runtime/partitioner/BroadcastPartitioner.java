package io.sluice.runtime.partitioner;

import io.sluice.runtime.streamrecord.StreamRecord;

/**
 * "BROADCAST": every record goes to every channel. The writer sees {@link #isBroadcast()} and
 * emits to all channels itself, so {@link #selectChannel} must not be called.
 */
public final class BroadcastPartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        throw new UnsupportedOperationException(
                "BROADCAST partitioner selects no single channel: the writer must use broadcastEmit for every record");
    }

    @Override
    public boolean isBroadcast() {
        return true;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new BroadcastPartitioner<>();
    }

    @Override
    public String toString() {
        return "BROADCAST";
    }
}
