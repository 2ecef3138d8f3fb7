package io.sluice.runtime.jobmaster;

import io.sluice.runtime.executiongraph.restart.RestartStrategy;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.rpc.MainThreadExecutor;
import io.sluice.runtime.util.SerializedThrowable;
import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The restart side of a {@link JobMaster}: the job's {@link RestartStrategy}, whether the current
 * attempt failed, the failure that counts (the first of the attempt: cause, failed task, time),
 * and the timer that starts the next attempt after the strategy's delay.
 *
 * <pre>
 * attempt running ──attemptFailed──► failing (no further failure counts)
 *     ▲                                  │ strategy allows: restart timer (delay) once all ended
 *     └──────────── newAttempt ◄─────────┘
 * </pre>
 *
 * <p>Threading: owned by the JobMaster's main thread; every method is called there and the timer
 * fires there. The job status transitions stay with the JobMaster.
 */
final class JobRestarts {
    // Logs under the JobMaster's name: these are the JobMaster's messages.
    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    private final JobGraph jobGraph;
    private final Clock clock;
    private final MainThreadExecutor mainThread;

    // Owned by the JobMaster's main thread.
    private RestartStrategy restartStrategy;
    /** The current attempt failed and is being cancelled (or waits for its restart): no new failure counts. */
    private boolean attemptFailing;

    private ScheduledFuture<?> restartTimer;
    private SerializedThrowable failureCause;
    private String failedTask;
    private long failureTimestamp = -1;

    JobRestarts(JobGraph jobGraph, Clock clock, MainThreadExecutor mainThread) {
        this.jobGraph = jobGraph;
        this.clock = clock;
        this.mainThread = mainThread;
    }

    void start(RestartStrategy restartStrategy) {
        this.restartStrategy = restartStrategy;
    }

    /** The current attempt failed: no new failure counts until {@link #newAttempt()}. */
    boolean isAttemptFailing() {
        return attemptFailing;
    }

    /**
     * Records the first failure of the current attempt and tells the restart strategy. Returns
     * whether the strategy allows a restart.
     */
    boolean attemptFailed(Throwable cause, String task) {
        failureCause = cause instanceof SerializedThrowable st ? st : new SerializedThrowable(cause);
        failedTask = task;
        failureTimestamp = clock.millis();
        LOG.info(
                "Job '{}' ({}) fails{}: {}",
                jobGraph.getName(),
                jobGraph.getJobId(),
                task == null ? "" : " because task '" + task + "' failed",
                failureCause.getMessage());
        attemptFailing = true;
        restartStrategy.notifyFailure(cause);
        if (restartStrategy.canRestart()) {
            LOG.info(
                    "Job '{}' ({}) restarts in {} ({})",
                    jobGraph.getName(),
                    jobGraph.getJobId(),
                    JobMaster.formatDuration(restartStrategy.getBackoffTime()),
                    restartStrategy);
            return true;
        }
        return false;
    }

    /** The job failed before it had an execution graph. */
    void failedWithoutGraph(SerializedThrowable cause) {
        failureCause = cause;
        failureTimestamp = clock.millis();
    }

    /** The failed attempt ended: runs {@code restart} after the strategy's delay, once. */
    void scheduleRestart(Runnable restart) {
        if (restartTimer == null) {
            restartTimer = mainThread.schedule(
                    () -> {
                        restartTimer = null;
                        restart.run();
                    },
                    restartStrategy.getBackoffTime());
        }
    }

    void cancelRestartTimer() {
        if (restartTimer != null) {
            restartTimer.cancel(false);
            restartTimer = null;
        }
    }

    /** A new attempt starts: failures count again. */
    void newAttempt() {
        attemptFailing = false;
    }

    /** The failure that counts of the last failed attempt; null if none failed. */
    SerializedThrowable failureCause() {
        return failureCause;
    }

    /** The task whose failure failed the last failed attempt; null if none did. */
    String failedTask() {
        return failedTask;
    }

    /** When the last failed attempt failed (clock millis); -1 if none did. */
    long failureTimestamp() {
        return failureTimestamp;
    }
}
