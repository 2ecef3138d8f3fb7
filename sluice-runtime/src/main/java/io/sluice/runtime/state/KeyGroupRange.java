package io.sluice.runtime.state;

import java.io.Serializable;

/**
 * A contiguous, inclusive range of key groups {@code [startKeyGroup, endKeyGroup]}: the key groups
 * one parallel operator instance owns. Immutable and therefore safe to share between threads. An
 * empty range has {@code endKeyGroup == startKeyGroup - 1} (a subtask gets one when parallelism
 * exceeds max parallelism, which {@link KeyGroupRangeAssignment#checkParallelismPreconditions}
 * forbids).
 */
public final class KeyGroupRange implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int startKeyGroup;
    private final int endKeyGroup;

    /** Creates {@code [startKeyGroup, endKeyGroup]}; both inclusive. */
    public KeyGroupRange(int startKeyGroup, int endKeyGroup) {
        if (startKeyGroup < 0 || endKeyGroup < startKeyGroup - 1) {
            throw new IllegalArgumentException("Invalid key group range [" + startKeyGroup + ", " + endKeyGroup
                    + "]: start must be >= 0 and" + " end >= start - 1");
        }
        this.startKeyGroup = startKeyGroup;
        this.endKeyGroup = endKeyGroup;
    }

    public static KeyGroupRange of(int startKeyGroup, int endKeyGroup) {
        return new KeyGroupRange(startKeyGroup, endKeyGroup);
    }

    public int getStartKeyGroup() {
        return startKeyGroup;
    }

    /** The last key group in the range (inclusive). */
    public int getEndKeyGroup() {
        return endKeyGroup;
    }

    public int getNumberOfKeyGroups() {
        return endKeyGroup - startKeyGroup + 1;
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= startKeyGroup && keyGroup <= endKeyGroup;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyGroupRange r && r.startKeyGroup == startKeyGroup && r.endKeyGroup == endKeyGroup;
    }

    @Override
    public int hashCode() {
        return 31 * startKeyGroup + endKeyGroup;
    }

    @Override
    public String toString() {
        return "KeyGroupRange[" + startKeyGroup + ", " + endKeyGroup + "]";
    }
}
