package io.sluice.api.common;

/** What a checkpoint guarantees after a failure. */
public enum CheckpointingMode {
    /**
     * Barriers are aligned: an input that delivered barrier n is not read again until barrier n
     * arrived on every input, so each record affects the restored state exactly once.
     */
    EXACTLY_ONCE,
    /**
     * Barriers are only counted, never waited for: records after a barrier on a fast input may
     * enter the snapshot, and are processed again after a restore (duplicates, no loss).
     */
    AT_LEAST_ONCE
}
