package io.sluice.runtime.checkpoint;

/**
 * Counts and the latest outcomes of a job's checkpoints, as the coordinator reports them; every
 * report also goes to the {@link CheckpointStatsTracker} set with {@link #forwardTo} (the REST
 * statistics). JobMaster main thread only.
 */
public final class CheckpointStats {
    private int numTriggered;
    private int numCompleted;
    private int numFailed;
    private int numRestored;
    private long latestCompletedId = -1;
    private long latestCompletedDuration = -1;
    private long latestCompletedSize = -1;
    private long latestFailedId = -1;
    private String latestFailureMessage;
    private long latestRestoredId = -1;
    private String latestRestoredPath;
    private String latestRestoreFailure;
    private CheckpointStatsTracker tracker;

    /** Sends every later report to {@code tracker} too. */
    public void forwardTo(CheckpointStatsTracker tracker) {
        this.tracker = tracker;
    }

    void reportPending(long id, long timestamp, int numTasks, boolean manual) {
        numTriggered++;
        if (tracker != null) {
            tracker.reportPending(id, timestamp, false);
        }
    }

    /** Subtask {@code subtaskIndex} of job vertex {@code vertexId} acknowledged at {@code ackTimestamp}. */
    void reportAcknowledged(long id, String vertexId, int subtaskIndex, long ackTimestamp, CheckpointMetrics metrics) {
        if (tracker != null) {
            tracker.reportAcknowledged(
                    id,
                    vertexId,
                    subtaskIndex,
                    ackTimestamp,
                    metrics.stateSize(),
                    metrics.alignmentNanos() / 1_000_000,
                    metrics.syncNanos() / 1_000_000,
                    metrics.asyncNanos() / 1_000_000);
        }
    }

    void reportCompleted(CompletedCheckpoint checkpoint, long durationMillis, PendingCheckpoint p) {
        if (tracker != null) {
            tracker.reportCompleted(
                    checkpoint.checkpointId(),
                    checkpoint.completionTimestamp(),
                    checkpoint.getStateSize(),
                    checkpoint.externalPath());
        }
        numCompleted++;
        latestCompletedId = checkpoint.checkpointId();
        latestCompletedDuration = durationMillis;
        latestCompletedSize = checkpoint.getStateSize();
    }

    void reportFailed(long id, long timestamp, String reason) {
        if (tracker != null) {
            tracker.reportFailed(id, timestamp, reason);
        }
        numFailed++;
        latestFailedId = id;
        latestFailureMessage = reason;
    }

    void reportRestored(long id, long timestamp, String externalPath) {
        if (tracker != null) {
            tracker.reportRestored(id, timestamp, externalPath);
        }
        numRestored++;
        latestRestoredId = id;
        latestRestoredPath = externalPath;
    }

    void reportRestoreFailure(long id, String message) {
        latestRestoreFailure = "checkpoint " + id + ": " + message;
    }

    public int numTriggered() {
        return numTriggered;
    }

    public int numCompleted() {
        return numCompleted;
    }

    public int numFailed() {
        return numFailed;
    }

    public int numRestored() {
        return numRestored;
    }

    public long latestCompletedId() {
        return latestCompletedId;
    }

    public long latestCompletedDuration() {
        return latestCompletedDuration;
    }

    public long latestCompletedSize() {
        return latestCompletedSize;
    }

    public long latestFailedId() {
        return latestFailedId;
    }

    public String latestFailureMessage() {
        return latestFailureMessage;
    }

    public long latestRestoredId() {
        return latestRestoredId;
    }

    public String latestRestoredPath() {
        return latestRestoredPath;
    }

    public String latestRestoreFailure() {
        return latestRestoreFailure;
    }
}
