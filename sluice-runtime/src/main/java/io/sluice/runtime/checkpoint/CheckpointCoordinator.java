package io.sluice.runtime.checkpoint;

import io.sluice.api.common.ExternalizedCheckpointRetention;
import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.execution.ExecutionState;
import io.sluice.runtime.executiongraph.Execution;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.rpc.MainThreadExecutor;
import io.sluice.runtime.state.OperatorSubtaskState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a job's checkpoints (Chandy-Lamport with barriers). Parts: the trigger (periodic timer,
 * minimum pause, concurrency limit, manual triggers), the pending checkpoints
 * ({@link PendingCheckpoint}: acknowledgements, declines, timeouts), completion (the
 * {@code _metadata} file, the {@link CompletedCheckpointStore}, confirmations to tasks and
 * coordinators) and restore (the latest good checkpoint mapped onto the tasks).
 *
 * <pre>
 * trigger n: coordinators snapshot (their event valves close)
 *            ──► triggerCheckpoint to the sources and to tasks whose inputs ended ──► valves open
 *   tasks: barrier n flows with the records; each task snapshots when its inputs are aligned and
 *          acknowledges with its state handles (or declines)
 *   all acknowledged ──► chk-n/_metadata (temporary file, rename) ──► store (older ones subsumed)
 *                    ──► confirmCheckpoint to every task, notifyCheckpointComplete to coordinators
 *   a decline, the timeout, a task failure ──► aborted: files deleted, tasks told; declines and
 *          timeouts count against execution.checkpointing.tolerable-failed-checkpoints
 * </pre>
 *
 * <p>Bounded inputs: a task whose inputs ended waits for a checkpoint it takes from then on; the
 * coordinator triggers such tasks directly (no barrier will reach them), and when every task
 * waits it triggers at once. A task that finished keeps its last acknowledged state in later
 * checkpoints.
 *
 * <p>Threading: JobMaster main thread only; file deletion runs on an I/O thread.
 */
public final class CheckpointCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

    /** What the coordinator needs from its JobMaster (main thread). */
    public interface JobAccess {
        List<Execution> currentExecutions();

        CompletableFuture<Map<OperatorID, byte[]>> checkpointCoordinators(long checkpointId);

        void openCoordinatorValves();

        void notifyCoordinatorsComplete(long checkpointId);

        void notifyCoordinatorsAborted(long checkpointId);

        /** Too many checkpoints failed in a row: fail (and restart) the job. */
        void failJob(Throwable cause);
    }

    private final JobGraph jobGraph;
    private final CheckpointCoordinatorConfiguration config;
    private final JobAccess job;
    private final MainThreadExecutor mainThread;
    private final Clock clock;
    private final ClassLoader userCodeClassLoader;
    private final ExecutorService ioExecutor;
    private final CompletedCheckpointStore store;
    private final Path jobDirectory;

    // Main thread.
    private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
    private final Set<ExecutionAttemptID> waitingForFinalCheckpoint = new HashSet<>();
    /** The last acknowledged state of subtasks that finished (their state no longer changes). */
    private final Map<SubtaskKey, TaskStateSnapshot> finishedStates = new HashMap<>();
    /** Manual triggers waiting for their checkpoint, by checkpoint id. */
    private final Map<Long, CompletableFuture<CompletedCheckpoint>> pendingManual = new HashMap<>();

    private long nextCheckpointId = 1;
    private long lastCompletionTime = Long.MIN_VALUE / 2;
    private int consecutiveFailures;
    private ScheduledFuture<?> timer;
    private boolean running;
    private boolean shutDown;
    /** The job started from this checkpoint (a retained one given at submission); null if none. */
    private CompletedCheckpoint initialCheckpoint;

    /** The statistics the REST API shows. */
    private final CheckpointStatsTracker stats;

    public CheckpointCoordinator(
            JobGraph jobGraph,
            CheckpointCoordinatorConfiguration config,
            JobAccess job,
            MainThreadExecutor mainThread,
            Clock clock,
            ClassLoader userCodeClassLoader,
            CheckpointStatsTracker stats) {
        this.jobGraph = jobGraph;
        this.stats = stats;
        this.config = config;
        this.job = job;
        this.mainThread = mainThread;
        this.clock = clock;
        this.userCodeClassLoader = userCodeClassLoader;
        this.ioExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "checkpoint-io-" + jobGraph.getJobId());
            t.setDaemon(true);
            return t;
        });
        this.store = new CompletedCheckpointStore(config.numRetained(), ioExecutor);
        this.jobDirectory = config.directory() == null
                ? null
                : Path.of(config.directory(), jobGraph.getJobId().toString());
    }

    public CheckpointCoordinatorConfiguration getConfiguration() {
        return config;
    }

    /** What the tasks of this job need to take part. */
    public TaskCheckpointSettings taskSettings() {
        return new TaskCheckpointSettings(
                config.mode(), jobDirectory == null ? null : jobDirectory.toString(), config.inlineThreshold());
    }

    // ------------------------------------------------------------------ scheduling

    /** The job's tasks are all deployed: periodic checkpoints start (again) after one interval. */
    public void startScheduler() {
        if (shutDown) {
            return;
        }
        running = true;
        scheduleNext(config.interval());
    }

    /** The job fails, restarts or ends: no new checkpoints, the pending ones are aborted. */
    public void stopScheduler(String reason) {
        running = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        abortAll(reason, false);
        waitingForFinalCheckpoint.clear();
        finishedStates.clear();
    }

    private void scheduleNext(long delayMillis) {
        if (timer != null) {
            timer.cancel(false);
        }
        timer = mainThread.schedule(this::onTimer, Duration.ofMillis(Math.max(0, delayMillis)));
    }

    private void onTimer() {
        timer = null;
        if (!running) {
            return;
        }
        long sinceLast = clock.millis() - lastCompletionTime;
        if (sinceLast < config.minPause()) {
            scheduleNext(config.minPause() - sinceLast);
            return;
        }
        if (pending.size() >= config.maxConcurrent()) {
            scheduleNext(config.interval()); // tried again when one completes, at the latest after an interval
            return;
        }
        trigger(false);
        scheduleNext(config.interval());
    }

    /** A manual trigger (REST): completes with the completed checkpoint, or fails with why not. */
    public CompletableFuture<CompletedCheckpoint> triggerCheckpoint() {
        CompletableFuture<CompletedCheckpoint> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new IllegalStateException(
                    "Job '" + jobGraph.getName() + "' is not running: no checkpoint can be taken now"));
            return result;
        }
        PendingCheckpoint p = trigger(true);
        if (p == null) {
            result.completeExceptionally(new IllegalStateException(
                    "Checkpoint not triggered: not every task of job '" + jobGraph.getName() + "' is running"));
            return result;
        }
        pendingManual.put(p.checkpointId, result);
        return result;
    }

    // ------------------------------------------------------------------ trigger

    /** Triggers a checkpoint now if every task can take part; returns it, or null. */
    private PendingCheckpoint trigger(boolean force) {
        Map<ExecutionAttemptID, SubtaskKey> tasks = new LinkedHashMap<>();
        for (Execution e : job.currentExecutions()) {
            SubtaskKey key = keyOf(e);
            if (e.getState() == ExecutionState.FINISHED) {
                if (!finishedStates.containsKey(key)) {
                    LOG.debug("Not triggering a checkpoint: {} finished without a final state", e);
                    return null;
                }
                continue;
            }
            if (e.getState() != ExecutionState.RUNNING) {
                LOG.debug("Not triggering a checkpoint: {} is {}", e, e.getState());
                return null;
            }
            tasks.put(e.getAttemptId(), key);
        }
        if (tasks.isEmpty()) {
            return null;
        }
        long id = nextCheckpointId++;
        long timestamp = clock.millis();
        CheckpointStorageLocation location = taskSettings().locationOf(id);
        PendingCheckpoint checkpoint = new PendingCheckpoint(id, timestamp, location, tasks);
        pending.put(id, checkpoint);
        stats.reportPending(id, timestamp, false);
        checkpoint.timeout = mainThread.schedule(
                () -> {
                    if (pending.get(id) == checkpoint) {
                        abort(checkpoint, "it did not complete within " + config.timeout() + " ms", true);
                    }
                },
                Duration.ofMillis(config.timeout()));
        LOG.debug("Triggering checkpoint {} of job '{}' ({} tasks)", id, jobGraph.getName(), tasks.size());
        job.checkpointCoordinators(id)
                .whenCompleteAsync(
                        (states, error) -> {
                            if (pending.get(id) != checkpoint) {
                                job.openCoordinatorValves();
                                return;
                            }
                            if (error != null) {
                                job.openCoordinatorValves();
                                abort(checkpoint, "an operator coordinator failed to checkpoint: " + error, true);
                                return;
                            }
                            checkpoint.coordinatorStates = states;
                            // Sources, and tasks whose inputs ended (also those that ended since
                            // the trigger began: no barrier reaches them).
                            for (Execution e : job.currentExecutions()) {
                                if (checkpoint.involves(e.getAttemptId())
                                        && (e.getVertex()
                                                        .getJobVertex()
                                                        .getJobVertex()
                                                        .isSource()
                                                || waitingForFinalCheckpoint.contains(e.getAttemptId()))) {
                                    sendTrigger(e, id, timestamp);
                                }
                            }
                            job.openCoordinatorValves();
                            completeIfAcknowledged(checkpoint);
                        },
                        mainThread);
        return checkpoint;
    }

    private void sendTrigger(Execution e, long id, long timestamp) {
        e.getAssignedSlot()
                .taskExecutor()
                .triggerCheckpoint(e.getAttemptId(), id, timestamp)
                .whenCompleteAsync(
                        (ok, error) -> {
                            PendingCheckpoint p = pending.get(id);
                            if (error != null && p != null && !p.isAcknowledgedBy(e.getAttemptId())) {
                                abort(p, "its trigger did not reach " + e + ": " + error, false);
                            }
                        },
                        mainThread);
    }

    // ------------------------------------------------------------------ acknowledgements

    public void receiveAcknowledge(Execution e, long checkpointId, CheckpointMetrics metrics, TaskStateSnapshot state) {
        PendingCheckpoint p = pending.get(checkpointId);
        if (p == null || !p.acknowledge(e.getAttemptId(), state)) {
            LOG.debug("Discarding the late or unknown acknowledgement of checkpoint {} by {}", checkpointId, e);
            ioExecutor.execute(() -> discardQuietly(state));
            return;
        }
        stats.reportAcknowledged(
                checkpointId,
                e.getVertex().getJobVertex().getJobVertex().getId().toString(),
                e.getVertex().getSubtaskIndex(),
                clock.millis(),
                metrics.stateSize(),
                metrics.alignmentNanos() / 1_000_000,
                metrics.syncNanos() / 1_000_000,
                metrics.asyncNanos() / 1_000_000);
        completeIfAcknowledged(p);
    }

    public void receiveDecline(Execution e, long checkpointId, Throwable reason) {
        PendingCheckpoint p = pending.get(checkpointId);
        if (p == null || !p.involves(e.getAttemptId())) {
            return;
        }
        abort(p, "task " + e.getVertex().getTaskNameWithSubtask() + " declined it: " + reason.getMessage(), true);
    }

    /**
     * A task's inputs ended. It is triggered directly from now on, also for the pending
     * checkpoints it has not taken; when every task waits, a checkpoint is triggered at once.
     */
    public void taskReachedEndOfInput(Execution e) {
        if (!waitingForFinalCheckpoint.add(e.getAttemptId())) {
            return;
        }
        for (PendingCheckpoint p : pending.values()) {
            if (p.involves(e.getAttemptId()) && !p.isAcknowledgedBy(e.getAttemptId()) && p.coordinatorStates != null) {
                sendTrigger(e, p.checkpointId, p.triggerTimestamp);
            }
        }
        if (!running) {
            return;
        }
        boolean allWaiting = true;
        for (Execution x : job.currentExecutions()) {
            if (x.getState() != ExecutionState.FINISHED && !waitingForFinalCheckpoint.contains(x.getAttemptId())) {
                allWaiting = false;
                break;
            }
        }
        if (allWaiting && pending.isEmpty()) {
            trigger(true);
        }
    }

    /** A task finished (after its final checkpoint): its state in the latest checkpoint is its last. */
    public void taskFinished(Execution e) {
        SubtaskKey key = keyOf(e);
        CompletedCheckpoint latest = store.latest();
        if (latest == null) {
            return;
        }
        Map<OperatorID, OperatorSubtaskState> states = new LinkedHashMap<>();
        for (OperatorID op :
                e.getVertex().getJobVertex().getJobVertex().getOperators().keySet()) {
            OperatorState os = latest.operatorStates().get(op);
            OperatorSubtaskState s = os == null ? null : os.subtaskStates().get(key.subtaskIndex());
            states.put(op, s == null ? OperatorSubtaskState.EMPTY : s);
        }
        TaskStateSnapshot finalState = new TaskStateSnapshot(states);
        finishedStates.put(key, finalState);
        waitingForFinalCheckpoint.remove(e.getAttemptId());
        // A pending checkpoint still waiting for this task gets its final state: it changes no more.
        for (PendingCheckpoint p : new ArrayList<>(pending.values())) {
            if (p.involves(e.getAttemptId())
                    && !p.isAcknowledgedBy(e.getAttemptId())
                    && p.acknowledge(e.getAttemptId(), finalState)) {
                completeIfAcknowledged(p);
            }
        }
    }

    private void completeIfAcknowledged(PendingCheckpoint p) {
        if (!p.isFullyAcknowledged() || pending.get(p.checkpointId) != p) {
            return;
        }
        pending.remove(p.checkpointId);
        if (p.timeout != null) {
            p.timeout.cancel(false);
        }
        long now = clock.millis();
        CompletedCheckpoint completed = p.toCompleted(jobGraph, finishedStates, now);
        if (completed.externalPath() != null) {
            try {
                CheckpointMetadata.write(completed, Path.of(completed.externalPath()));
            } catch (IOException ex) {
                pending.put(p.checkpointId, p); // abort takes it from the pending ones
                abort(p, "its metadata could not be written: " + ex, true);
                return;
            }
        }
        store.add(completed);
        lastCompletionTime = now;
        consecutiveFailures = 0;
        stats.reportCompleted(
                completed.checkpointId(),
                completed.completionTimestamp(),
                completed.getStateSize(),
                completed.externalPath());
        LOG.info(
                "Completed checkpoint {} of job '{}' ({} bytes, {} ms){}",
                p.checkpointId,
                jobGraph.getName(),
                completed.getStateSize(),
                now - p.triggerTimestamp,
                completed.externalPath() == null ? "" : " at " + completed.externalPath());
        // Older pending checkpoints are subsumed.
        for (PendingCheckpoint older :
                new ArrayList<>(pending.headMap(p.checkpointId).values())) {
            abort(older, "checkpoint " + p.checkpointId + " completed first", false);
        }
        for (Execution e : job.currentExecutions()) {
            if (e.getState() == ExecutionState.RUNNING && e.getAssignedSlot() != null) {
                e.getAssignedSlot().taskExecutor().confirmCheckpoint(e.getAttemptId(), p.checkpointId);
            }
        }
        job.notifyCoordinatorsComplete(p.checkpointId);
        CompletableFuture<CompletedCheckpoint> manual = pendingManual.remove(p.checkpointId);
        if (manual != null) {
            manual.complete(completed);
        }
    }

    // ------------------------------------------------------------------ abort

    private void abort(PendingCheckpoint p, String reason, boolean countsAsFailure) {
        if (pending.remove(p.checkpointId) == null) {
            return;
        }
        if (p.timeout != null) {
            p.timeout.cancel(false);
        }
        LOG.info("Checkpoint {} of job '{}' aborted: {}", p.checkpointId, jobGraph.getName(), reason);
        stats.reportFailed(p.checkpointId, clock.millis(), reason);
        ioExecutor.execute(p::discard);
        for (Execution e : job.currentExecutions()) {
            if (e.getState() == ExecutionState.RUNNING && p.involves(e.getAttemptId())) {
                e.getAssignedSlot().taskExecutor().abortCheckpoint(e.getAttemptId(), p.checkpointId);
            }
        }
        job.notifyCoordinatorsAborted(p.checkpointId);
        CompletableFuture<CompletedCheckpoint> manual = pendingManual.remove(p.checkpointId);
        if (manual != null) {
            manual.completeExceptionally(
                    new IllegalStateException("Checkpoint " + p.checkpointId + " aborted: " + reason));
        }
        if (countsAsFailure && running) {
            consecutiveFailures++;
            if (consecutiveFailures > config.tolerableFailures()) {
                consecutiveFailures = 0;
                job.failJob(new IllegalStateException(
                        "Exceeded checkpoint tolerable failure threshold (" + config.tolerableFailures()
                                + "): checkpoint " + p.checkpointId + " aborted because " + reason));
            }
        }
    }

    private void abortAll(String reason, boolean countsAsFailure) {
        for (PendingCheckpoint p : new ArrayList<>(pending.values())) {
            abort(p, reason, countsAsFailure);
        }
    }

    // ------------------------------------------------------------------ restore

    /** Starts the job from {@code checkpoint} (a retained checkpoint given at submission). */
    public void setInitialCheckpoint(CompletedCheckpoint checkpoint) {
        this.initialCheckpoint = checkpoint;
        this.nextCheckpointId = Math.max(nextCheckpointId, checkpoint.checkpointId() + 1);
    }

    /**
     * The checkpoint to restore an attempt from: the newest completed one whose {@code _metadata}
     * can be read (a damaged one is logged with its file and skipped, the previous one is tried),
     * else the initial one; null when there is none.
     */
    public CompletedCheckpoint checkpointToRestore() {
        CompletedCheckpoint newest = store.newestReadable(userCodeClassLoader, (c, e) -> {
            LOG.error(
                    "Cannot restore job '{}' from checkpoint {}: {}; trying an older one",
                    jobGraph.getName(),
                    c.checkpointId(),
                    e.getMessage());
        });
        return newest != null ? newest : initialCheckpoint;
    }

    /** Records that the attempt being deployed restores {@code checkpoint}. */
    public void reportRestored(CompletedCheckpoint checkpoint) {
        stats.reportRestored(checkpoint.checkpointId(), clock.millis(), checkpoint.externalPath());
        nextCheckpointId = Math.max(nextCheckpointId, checkpoint.checkpointId() + 1);
    }

    /** What the subtask of {@code e} restores from {@code checkpoint} (null: nothing). */
    public static JobManagerTaskRestore restoreFor(CompletedCheckpoint checkpoint, Execution e) {
        return checkpoint == null
                ? null
                : JobManagerTaskRestore.of(
                        checkpoint,
                        e.getVertex()
                                .getJobVertex()
                                .getJobVertex()
                                .getOperators()
                                .keySet());
    }

    // ------------------------------------------------------------------ end

    /** The job reached {@code status}: aborts what is pending and keeps or deletes the retained checkpoints. */
    public void shutdown(JobStatus status) {
        if (shutDown) {
            return;
        }
        stopScheduler("job is " + status);
        shutDown = true;
        ExternalizedCheckpointRetention retention = config.retention();
        boolean retain =
                switch (status) {
                    case CANCELED -> retention == ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION;
                    case FAILED -> retention != ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS;
                    default -> false;
                };
        if (config.directory() == null) {
            retain = false;
        }
        store.shutdown(retain);
        for (CompletableFuture<CompletedCheckpoint> m : pendingManual.values()) {
            m.completeExceptionally(new IllegalStateException("Job is " + status));
        }
        pendingManual.clear();
        ioExecutor.shutdown();
    }

    public JobID getJobId() {
        return jobGraph.getJobId();
    }

    private static SubtaskKey keyOf(Execution e) {
        return new SubtaskKey(
                e.getVertex().getJobVertex().getJobVertex().getId(),
                e.getVertex().getSubtaskIndex());
    }

    private static void discardQuietly(TaskStateSnapshot state) {
        try {
            state.discardState();
        } catch (Exception ignored) {
            // a late acknowledgement's files; nothing refers to them
        }
    }
}
