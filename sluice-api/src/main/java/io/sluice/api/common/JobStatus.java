package io.sluice.api.common;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life cycle of a job.
 *
 * <pre>
 * CREATED ──► RUNNING ──► FINISHED
 *    │          ▲  │
 *    │          │  ├──► FAILING ──► FAILED
 *    │          │  │
 *    ├──────────┼──┴──► CANCELLING ──► CANCELED
 *    │          │
 *    └──► RESTARTING (the restart strategy allows another attempt; the failed one is cancelled,
 *           │         the job waits its delay and for slots, then runs again)
 *           └──► FAILING, CANCELLING
 * </pre>
 */
public enum JobStatus {
    CREATED,
    RUNNING,
    FAILING,
    FAILED,
    CANCELLING,
    CANCELED,
    FINISHED,
    /** A failed attempt is being cancelled and the job redeployed, as the restart strategy allows. */
    RESTARTING;

    /** True for the states a job never leaves. */
    public boolean isTerminal() {
        return this == FAILED || this == CANCELED || this == FINISHED;
    }

    /** The states this one may move to. */
    public Set<JobStatus> successors() {
        return switch (this) {
            case CREATED -> EnumSet.of(RUNNING, RESTARTING, FAILING, FAILED, CANCELLING, CANCELED);
            case RUNNING -> EnumSet.of(FINISHED, RESTARTING, FAILING, CANCELLING);
            case RESTARTING -> EnumSet.of(RUNNING, FAILING, CANCELLING);
            case FAILING -> EnumSet.of(FAILED, RUNNING);
            case CANCELLING -> EnumSet.of(CANCELED);
            case FAILED, CANCELED, FINISHED -> EnumSet.noneOf(JobStatus.class);
        };
    }
}
