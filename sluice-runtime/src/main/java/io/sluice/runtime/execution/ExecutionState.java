package io.sluice.runtime.execution;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life cycle of one execution attempt of a subtask.
 *
 * <pre>
 * CREATED ─► SCHEDULED ─► DEPLOYING ─► INITIALIZING ─► RUNNING ─► FINISHED
 *    │           │            │              │            │
 *    └───────────┴────────────┴──────────────┴────────────┴─► CANCELING ─► CANCELED
 *                             └──────────────┴────────────┴─► FAILED
 * </pre>
 */
public enum ExecutionState {
    CREATED,
    SCHEDULED,
    DEPLOYING,
    INITIALIZING,
    RUNNING,
    FINISHED,
    CANCELING,
    CANCELED,
    FAILED;

    public boolean isTerminal() {
        return this == FINISHED || this == CANCELED || this == FAILED;
    }

    public Set<ExecutionState> successors() {
        return switch (this) {
            case CREATED -> EnumSet.of(SCHEDULED, DEPLOYING, CANCELING, CANCELED, FAILED);
            case SCHEDULED -> EnumSet.of(DEPLOYING, CANCELING, CANCELED, FAILED);
            case DEPLOYING -> EnumSet.of(INITIALIZING, RUNNING, FINISHED, CANCELING, CANCELED, FAILED);
            case INITIALIZING -> EnumSet.of(RUNNING, FINISHED, CANCELING, CANCELED, FAILED);
            case RUNNING -> EnumSet.of(FINISHED, CANCELING, CANCELED, FAILED);
            case CANCELING -> EnumSet.of(CANCELED, FAILED, FINISHED);
            case FINISHED, CANCELED, FAILED -> EnumSet.noneOf(ExecutionState.class);
        };
    }
}
