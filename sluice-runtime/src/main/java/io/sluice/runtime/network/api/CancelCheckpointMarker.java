package io.sluice.runtime.network.api;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;

/** Tells downstream tasks that checkpoint {@code checkpointId} was abandoned, so they stop aligning for it. */
public final class CancelCheckpointMarker extends AbstractEvent {
    private final long checkpointId;

    public CancelCheckpointMarker(long checkpointId) {
        this.checkpointId = checkpointId;
    }

    public long getCheckpointId() {
        return checkpointId;
    }

    @Override
    public byte eventTag() {
        return EventSerializer.CANCEL_CHECKPOINT_MARKER;
    }

    @Override
    public void write(DataOutputView out) throws IOException {
        out.writeLong(checkpointId);
    }

    static CancelCheckpointMarker read(DataInputView in) throws IOException {
        return new CancelCheckpointMarker(in.readLong());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CancelCheckpointMarker m && m.checkpointId == checkpointId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(checkpointId);
    }

    @Override
    public String toString() {
        return "CancelCheckpointMarker(" + checkpointId + ")";
    }
}
