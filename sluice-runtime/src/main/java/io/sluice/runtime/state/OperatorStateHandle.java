package io.sluice.runtime.state;

import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/**
 * The operator state of one operator subtask: a stream holding each named state's elements, and
 * per state its distribution mode and where each element starts.
 */
public record OperatorStateHandle(Map<String, StateMetaInfo> stateNameToPartitionOffsets, StreamStateHandle delegate)
        implements Serializable {

    /** How a state is spread over the subtasks on restore. */
    public enum Mode {
        /** Operator {@code ListState}: the elements of all subtasks are split evenly. */
        SPLIT_DISTRIBUTE,
        /** {@code UnionListState}: every subtask gets the elements of all. */
        UNION,
        /** Broadcast state: the same on every subtask; each gets one copy. */
        BROADCAST
    }

    /** @param offsets where each element (each map entry for broadcast state) starts in the stream */
    public record StateMetaInfo(long[] offsets, Mode mode) implements Serializable {}

    public long getStateSize() {
        return delegate.getStateSize();
    }

    public void discardState() throws IOException {
        delegate.discardState();
    }
}
