package io.sluice.runtime.state;

import java.io.IOException;
import java.io.Serializable;

/**
 * The keyed state of one operator subtask: a stream holding one section per key group of
 * {@code keyGroupRange}, and where each starts. A restoring subtask reads only the key groups of
 * its own range, from every handle whose range intersects it (rescaling).
 *
 * @param offsets {@code offsets[i]} is where key group {@code keyGroupRange.start + i} starts
 */
public record KeyGroupsStateHandle(KeyGroupRange keyGroupRange, long[] offsets, StreamStateHandle delegate)
        implements Serializable {
    public KeyGroupsStateHandle {
        if (offsets.length != keyGroupRange.getNumberOfKeyGroups()) {
            throw new IllegalArgumentException(offsets.length + " offsets for the "
                    + keyGroupRange.getNumberOfKeyGroups() + " key groups of " + keyGroupRange);
        }
    }

    /** Where key group {@code keyGroup} (which must be in the range) starts in the stream. */
    public long offsetOf(int keyGroup) {
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalArgumentException("Key group " + keyGroup + " is not in " + keyGroupRange);
        }
        return offsets[keyGroup - keyGroupRange.getStartKeyGroup()];
    }

    public long getStateSize() {
        return delegate.getStateSize();
    }

    public void discardState() throws IOException {
        delegate.discardState();
    }
}
