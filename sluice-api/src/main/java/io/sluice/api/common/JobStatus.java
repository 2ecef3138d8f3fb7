package io.sluice.api.common;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life cycle of a job.
 *
 * <pre>
 * CREATED ──► RUNNING ──► FINISHED
 *    │           │
 *    │           ├──► FAILING ──► FAILED
 *    │           │
 *    └───────────┴──► CANCELLING ──► CANCELED
 * </pre>
 */
public enum JobStatus {
    CREATED,
    RUNNING,
    FAILING,
    FAILED,
    CANCELLING,
    CANCELED,
    FINISHED;

    /** True for the states a job never leaves. */
    public boolean isTerminal() {
        return this == FAILED || this == CANCELED || this == FINISHED;
    }

    /** The states this one may move to. */
    public Set<JobStatus> successors() {
        return switch (this) {
            case CREATED -> EnumSet.of(RUNNING, FAILING, FAILED, CANCELLING, CANCELED);
            case RUNNING -> EnumSet.of(FINISHED, FAILING, CANCELLING);
            case FAILING -> EnumSet.of(FAILED, RUNNING);
            case CANCELLING -> EnumSet.of(CANCELED);
            case FAILED, CANCELED, FINISHED -> EnumSet.noneOf(JobStatus.class);
        };
    }
}
