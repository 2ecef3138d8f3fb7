package io.sluice.api.common;

/** What happens to a job's retained checkpoints when the job ends. */
public enum ExternalizedCheckpointRetention {
    /** Kept when the job is cancelled or fails; the user deletes them. */
    RETAIN_ON_CANCELLATION,
    /** Kept when the job fails, deleted when it is cancelled. */
    DELETE_ON_CANCELLATION,
    /** Deleted whenever the job ends (FINISHED, CANCELED or FAILED). */
    NO_EXTERNALIZED_CHECKPOINTS
}
