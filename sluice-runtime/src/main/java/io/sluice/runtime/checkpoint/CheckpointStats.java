package io.sluice.runtime.checkpoint;

/**
 * Counts and the latest outcomes of a job's checkpoints, as the coordinator reports them. JobMaster
 * main thread only.
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

    void reportPending(long id, long timestamp, int numTasks, boolean manual) {
        numTriggered++;
    }

    void reportAcknowledged(long id, CheckpointMetrics metrics) {}

    void reportCompleted(CompletedCheckpoint checkpoint, long durationMillis, PendingCheckpoint p) {
        numCompleted++;
        latestCompletedId = checkpoint.checkpointId();
        latestCompletedDuration = durationMillis;
        latestCompletedSize = checkpoint.getStateSize();
    }

    void reportFailed(long id, long timestamp, String reason) {
        numFailed++;
        latestFailedId = id;
        latestFailureMessage = reason;
    }

    void reportRestored(long id, long timestamp, String externalPath) {
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
