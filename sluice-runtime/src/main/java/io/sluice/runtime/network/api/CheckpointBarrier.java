package io.sluice.runtime.network.api;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;

/**
 * Checkpoint {@code checkpointId}'s marker in the record stream: everything before it on a
 * channel belongs to the checkpoint's state, everything after it does not.
 */
public final class CheckpointBarrier extends AbstractEvent {
    private final long checkpointId;
    private final long timestamp;

    public CheckpointBarrier(long checkpointId, long timestamp) {
        this.checkpointId = checkpointId;
        this.timestamp = timestamp;
    }

    public long getId() {
        return checkpointId;
    }

    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public byte eventTag() {
        return EventSerializer.CHECKPOINT_BARRIER;
    }

    @Override
    public void write(DataOutputView out) throws IOException {
        out.writeLong(checkpointId);
        out.writeLong(timestamp);
    }

    static CheckpointBarrier read(DataInputView in) throws IOException {
        return new CheckpointBarrier(in.readLong(), in.readLong());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckpointBarrier b && b.checkpointId == checkpointId && b.timestamp == timestamp;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(checkpointId);
    }

    @Override
    public String toString() {
        return "CheckpointBarrier(" + checkpointId + " @ " + timestamp + ")";
    }
}
