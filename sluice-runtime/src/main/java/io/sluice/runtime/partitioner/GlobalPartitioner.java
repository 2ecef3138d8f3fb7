package io.sluice.runtime.partitioner;

import io.sluice.runtime.streamrecord.StreamRecord;

/** "GLOBAL": every record goes to channel 0, i.e. to the first consumer subtask. */
public final class GlobalPartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        return 0;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new GlobalPartitioner<>();
    }

    @Override
    public String toString() {
        return "GLOBAL";
    }
}
