package io.sluice.runtime.deployment;

import io.sluice.runtime.util.AbstractId;

/** Identity of one attempt to run one subtask; a restart gets a new one. */
public final class ExecutionAttemptID extends AbstractId {
    private static final long serialVersionUID = 1L;

    public ExecutionAttemptID() {}

    public ExecutionAttemptID(long upper, long lower) {
        super(upper, lower);
    }
}
