package io.sluice.runtime.jobmaster;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.checkpoint.CheckpointCoordinator;
import io.sluice.runtime.checkpoint.CheckpointCoordinatorConfiguration;
import io.sluice.runtime.checkpoint.CheckpointMetadata;
import io.sluice.runtime.checkpoint.CheckpointMetrics;
import io.sluice.runtime.checkpoint.CheckpointRestoreCheck;
import io.sluice.runtime.checkpoint.CheckpointStatsSnapshot;
import io.sluice.runtime.checkpoint.CheckpointStatsTracker;
import io.sluice.runtime.checkpoint.CompletedCheckpoint;
import io.sluice.runtime.checkpoint.TaskStateSnapshot;
import io.sluice.runtime.configuration.WebOptions;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.deployment.TaskDeploymentDescriptor;
import io.sluice.runtime.dispatcher.JobResult;
import io.sluice.runtime.execution.ExecutionState;
import io.sluice.runtime.execution.TaskExecutionStateUpdate;
import io.sluice.runtime.executiongraph.AssignedSlot;
import io.sluice.runtime.executiongraph.Execution;
import io.sluice.runtime.executiongraph.ExecutionGraph;
import io.sluice.runtime.executiongraph.TaskDeploymentDescriptorFactory;
import io.sluice.runtime.heartbeat.HeartbeatLoss;
import io.sluice.runtime.heartbeat.HeartbeatMonitor;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import io.sluice.runtime.jobgraph.SavepointRestoreSettings;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.resourcemanager.AllocationID;
import io.sluice.runtime.resourcemanager.ResourceManagerGateway;
import io.sluice.runtime.resourcemanager.TaskExecutorRegistration;
import io.sluice.runtime.rpc.RpcEndpoint;
import io.sluice.runtime.util.SerializedThrowable;
import io.sluice.runtime.util.SerializedValue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: JobGraph to {@link ExecutionGraph}, slots, deployment, task states, failure and
 * cancellation, operator coordinators, accumulators, and the {@link JobResult}.
 *
 * <p>Parts: the JobMaster keeps the gateway, the job status, deployment and the task states, and
 * delegates the slots ({@link JobSlots}: requests, offers, the slot request timeout, slots lost with
 * a TaskManager, freeing), the restart side ({@link JobRestarts}: restart strategy, the failure
 * that counts, the restart delay), the operator coordinators ({@link JobCoordinators}) and what it
 * reports ({@link JobReports}: details, result, accumulators).
 *
 * <p>Threading: all state, the parts' included, is owned by the JobMaster's main thread; gateway
 * methods hop onto it. Coordinators run on their own threads ({@link OperatorCoordinatorHolder})
 * and reach the JobMaster only by posting to its main thread.
 *
 * <p>Life of the job (job status in {@link ExecutionGraph}):
 *
 * <pre>
 * start: CREATED, one slot request per parallel pipeline of each slot sharing group
 *   all slots offered ──► deploy every subtask at once ──► RUNNING
 * RUNNING: every execution FINISHED ──► FINISHED
 *          cancel() ──► CANCELLING: cancel all
 * a failure (an execution FAILED, a TaskManager with slots of the job lost, slot.request.timeout,
 * a coordinator fails the job), in CREATED, RUNNING or RESTARTING while waiting for slots:
 *   the restart strategy allows a restart ──► RESTARTING: cancel all executions; when all ended,
 *       wait the strategy's delay, free every slot, recreate the coordinators, new attempt of every
 *       subtask, request slots again; all offered ──► deploy ──► RUNNING
 *   otherwise ──► FAILING: cancel the others
 * FAILING / CANCELLING: when every execution is terminal ──► FAILED / CANCELED
 * terminal: free the slots, close the coordinators, complete the result, stop the main thread
 * </pre>
 *
 * Within one attempt the first failure wins: it names the failed subtask and is the one the
 * restart strategy counts; failures while the attempt is being cancelled are ignored. The job's
 * failure cause is the failure of its last attempt (the user's exception as the task reported it).
 *
 * <p>TaskManager loss: the JobMaster asks every TaskManager it holds slots on for a heartbeat
 * ({@link HeartbeatMonitor}); one silent for {@code heartbeat.timeout} or unreachable is lost, and
 * so is one the ResourceManager reports through {@link #disconnectTaskManager}. The executions
 * there become FAILED with a {@link TaskManagerLostException} naming it, which fails the attempt.
 */
public final class JobMaster extends RpcEndpoint implements JobMasterGateway {
    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    private final JobGraph jobGraph;
    private final JobMasterServices services;
    private final ClassLoader userCodeClassLoader;
    private final CompletableFuture<JobResult> resultFuture = new CompletableFuture<>();

    // Owned by the main thread.
    private ExecutionGraph graph;
    private final JobSlots slots;
    private final JobCoordinators coordinators;
    private final HeartbeatMonitor taskManagerHeartbeats;

    private final JobRestarts restarts;
    private final JobReports reports;
    /** Null when the job takes no checkpoints. */
    private CheckpointCoordinator checkpoints;
    /** The retained checkpoint the job was submitted to start from; null if none. */
    private CompletedCheckpoint initialCheckpoint;
    /** The checkpoint the current attempt restores; null to start fresh. */
    private CompletedCheckpoint restoreCheckpoint;

    /** Statistics of the job's checkpoints for the REST API; fed by the checkpoint coordinator. */
    private final CheckpointStatsTracker checkpointStats;
    /** The coordinator's settings once the job started (null when it takes no checkpoints); any thread reads it. */
    private volatile CheckpointCoordinatorConfiguration checkpointConfig;
    /** The statistics when the job ended; written on the main thread before the result completes. */
    private volatile CheckpointStatsSnapshot finalCheckpointStats;

    public JobMaster(JobGraph jobGraph, JobMasterServices services) {
        super(services.rpcService().qualify("jobmaster-" + jobGraph.getJobId()));
        this.jobGraph = jobGraph;
        this.services = services;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        this.userCodeClassLoader = context != null ? context : JobMaster.class.getClassLoader();
        this.taskManagerHeartbeats = new HeartbeatMonitor(
                "JobMaster of job " + jobGraph.getJobId(),
                services.heartbeatSettings(),
                getMainThreadExecutor(),
                this::schedule,
                System::nanoTime,
                this::onTaskManagerHeartbeatLost);
        this.restarts = new JobRestarts(jobGraph, services.clock(), getMainThreadExecutor());
        this.reports = new JobReports(jobGraph, services.clock(), restarts);
        Map<String, Integer> parallelismByVertex = new LinkedHashMap<>();
        for (JobVertex v : jobGraph.getVertices()) {
            parallelismByVertex.put(v.getId().toString(), v.getParallelism());
        }
        this.checkpointStats = new CheckpointStatsTracker(
                services.configuration().get(WebOptions.CHECKPOINTS_HISTORY_SIZE), parallelismByVertex);
        this.coordinators =
                new JobCoordinators(jobGraph, userCodeClassLoader, cause -> runAsync(() -> failJob(cause, null)));
        this.slots = new JobSlots(
                jobGraph, services, getAddress(), getMainThreadExecutor(), taskManagerHeartbeats, new JobSlots.Owner() {
                    @Override
                    public boolean attemptAwaitsSlots() {
                        return graph != null && attemptNotDeployed();
                    }

                    @Override
                    public void failJob(Throwable cause) {
                        JobMaster.this.failJob(cause, null);
                    }
                });
    }

    public JobID getJobId() {
        return jobGraph.getJobId();
    }

    /** Completes (on the main thread) when the job reached a terminal state. */
    public CompletableFuture<JobResult> getResultFuture() {
        return resultFuture;
    }

    /** Registers the gateway and starts the job: coordinators, then slot requests. */
    public void start() {
        services.rpcService().register(getAddress(), this);
        runAsync(this::startJob);
    }

    private void startJob() {
        try {
            // A retained checkpoint to start from must be readable and fit the job, or the job fails
            // at once (no restarts: reading it again would fail again).
            initialCheckpoint = loadInitialCheckpoint();
        } catch (Throwable t) {
            LOG.warn("Job '{}' ({}) could not start: {}", jobGraph.getName(), jobGraph.getJobId(), t.getMessage());
            completeWithoutGraph(t);
            return;
        }
        try {
            restarts.start(services.restartStrategyFactory().get());
            graph = new ExecutionGraph(jobGraph);
            CheckpointCoordinatorConfiguration checkpointConfig =
                    CheckpointCoordinatorConfiguration.fromConfiguration(services.configuration());
            if (checkpointConfig != null) {
                checkpoints = new CheckpointCoordinator(
                        jobGraph,
                        checkpointConfig,
                        new CheckpointAccess(),
                        getMainThreadExecutor(),
                        services.clock(),
                        userCodeClassLoader,
                        checkpointStats);
                if (initialCheckpoint != null) {
                    checkpoints.setInitialCheckpoint(initialCheckpoint);
                }
                this.checkpointConfig = checkpointConfig;
            }
            slots.connectResourceManager(
                    services.rpcService().connect(services.resourceManagerAddress(), ResourceManagerGateway.class));
            taskManagerHeartbeats.start();
            coordinators.create();
            restoreFromCheckpoint();
        } catch (Throwable t) {
            LOG.warn("Job '{}' ({}) could not start", jobGraph.getName(), jobGraph.getJobId(), t);
            if (graph == null) {
                completeWithoutGraph(t);
            } else {
                failJob(t, null);
            }
            return;
        }
        coordinators.start();
        requestSlots();
    }

    /** Picks the checkpoint the new attempt restores and restores the coordinators from it. */
    private void restoreFromCheckpoint() {
        restoreCheckpoint = checkpoints == null ? initialCheckpoint : checkpoints.checkpointToRestore();
        if (restoreCheckpoint != null) {
            LOG.info("Job '{}' ({}) restores {}", jobGraph.getName(), jobGraph.getJobId(), restoreCheckpoint);
            coordinators.resetToCheckpoint(restoreCheckpoint.checkpointId(), restoreCheckpoint.coordinatorStates());
            if (checkpoints != null) {
                checkpoints.reportRestored(restoreCheckpoint);
            }
        }
    }

    /**
     * The retained checkpoint the job was submitted to start from ({@code run -s}), read and
     * checked against the job; null when it starts empty.
     */
    private CompletedCheckpoint loadInitialCheckpoint() throws IOException {
        SavepointRestoreSettings settings = jobGraph.getSavepointRestoreSettings();
        if (!settings.restoreSavepoint()) {
            return null;
        }
        Path path = Path.of(
                settings.restorePath().startsWith("file:")
                        ? java.net.URI.create(settings.restorePath()).getPath()
                        : settings.restorePath());
        CompletedCheckpoint checkpoint = CheckpointMetadata.read(path, userCodeClassLoader);
        CheckpointRestoreCheck.check(checkpoint, jobGraph, path, settings.allowNonRestoredState());
        LOG.info(
                "Job '{}' ({}) starts from checkpoint {} of job {} at {}",
                jobGraph.getName(),
                jobGraph.getJobId(),
                checkpoint.checkpointId(),
                checkpoint.jobId(),
                path);
        return checkpoint;
    }

    // ------------------------------------------------------------------ slots

    /** The current attempt is neither deployed nor failing: it waits for its slots. */
    private boolean attemptNotDeployed() {
        return (graph.getState() == JobStatus.CREATED || graph.getState() == JobStatus.RESTARTING)
                && !restarts.isAttemptFailing();
    }

    private void requestSlots() {
        assertRunningInMainThread();
        for (Execution e : graph.getCurrentExecutions()) {
            e.transitionState(ExecutionState.SCHEDULED);
        }
        slots.requestSlots();
    }

    @Override
    public CompletableFuture<Collection<SlotOffer>> offerSlots(
            TaskExecutorRegistration taskExecutor, Collection<SlotOffer> offers) {
        return callAsync(() -> {
            List<SlotOffer> accepted = slots.offerSlots(taskExecutor, offers);
            if (!accepted.isEmpty() && slots.allSlotsOffered()) {
                deploy();
            }
            return accepted;
        });
    }

    static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms > 0) {
            return (ms / 60_000) + " min";
        }
        if (ms % 1000 == 0 && ms > 0) {
            return (ms / 1000) + " s";
        }
        return ms + " ms";
    }

    // ------------------------------------------------------------------ deployment

    private void deploy() {
        assertRunningInMainThread();
        slots.cancelSlotRequestTimeout();
        List<Execution> executions = graph.getCurrentExecutions();
        for (Execution e : executions) {
            e.assignSlot(slots.slotFor(e));
        }
        graph.transitionState(JobStatus.RUNNING);
        reports.jobRunning();
        for (Execution e : executions) {
            TaskDeploymentDescriptor tdd;
            try {
                tdd = TaskDeploymentDescriptorFactory.create(
                        graph,
                        e,
                        checkpoints == null ? null : checkpoints.taskSettings(),
                        CheckpointCoordinator.restoreFor(restoreCheckpoint, e));
            } catch (RuntimeException ex) {
                failJob(ex, null);
                return;
            }
            e.transitionState(ExecutionState.DEPLOYING);
            AssignedSlot slot = e.getAssignedSlot();
            slot.taskExecutor()
                    .submitTask(tdd, slot.allocationId())
                    .whenCompleteAsync((ok, error) -> onTaskSubmitted(e, error), getMainThreadExecutor());
        }
        if (checkpoints != null) {
            checkpoints.startScheduler();
        }
    }

    private void onTaskSubmitted(Execution e, Throwable error) {
        if (e.getState().isTerminal()) {
            return;
        }
        if (e.getState() == ExecutionState.CANCELING) {
            if (error != null) {
                // The task never started, so no CANCELED report will come.
                e.transitionState(ExecutionState.CANCELED);
                checkAllTerminal();
            }
            return;
        }
        if (error != null) {
            e.transitionState(ExecutionState.FAILED);
            coordinators.notifyFailure(e, error);
            failJob(
                    new IllegalStateException(
                            "Could not deploy task '" + e.getVertex().getTaskNameWithSubtask() + "' to TaskManager "
                                    + e.getAssignedSlot().taskManagerId() + ": " + error,
                            error),
                    describeTask(e));
            return;
        }
        coordinators.subtaskReady(e);
    }

    // ------------------------------------------------------------------ task states

    @Override
    public CompletableFuture<Void> updateTaskExecutionState(TaskExecutionStateUpdate update) {
        return callAsync(() -> {
            Execution e = graph == null ? null : graph.getExecution(update.attemptId());
            if (e == null) {
                LOG.debug("Ignoring state {} of unknown attempt {}", update.state(), update.attemptId());
                return null;
            }
            ExecutionState target = update.state();
            if (target == e.getState()) {
                // The JobMaster moves an execution to DEPLOYING itself before the task reports it.
                LOG.debug("State {} of {} already known", target, e);
                return null;
            }
            if (!e.canTransitionTo(target)) {
                // The JobMaster marks an execution DEPLOYING when it submits it; the task then reports
                // DEPLOYING itself: a repeat, not an illegal state.
                if (e.getState() == target
                        || e.getState() == ExecutionState.CANCELING
                        || e.getState().isTerminal()) {
                    LOG.debug("Ignoring state {} of {} in state {}", target, e, e.getState());
                } else {
                    LOG.warn("Ignoring illegal state {} reported for {} in state {}", target, e, e.getState());
                }
                return null;
            }
            e.transitionState(target);
            switch (target) {
                case FINISHED -> onExecutionFinished(e, update);
                case FAILED -> onExecutionFailed(e, update);
                case CANCELED -> onExecutionCanceled(e);
                default -> {}
            }
            return null;
        });
    }

    private void onExecutionFinished(Execution e, TaskExecutionStateUpdate update) {
        if (checkpoints != null) {
            checkpoints.taskFinished(e);
        }
        try {
            reports.addAccumulators(e.getVertex().getTaskNameWithSubtask(), update.accumulators(), userCodeClassLoader);
        } catch (RuntimeException ex) {
            failJob(ex, describeTask(e));
            return;
        }
        if (graph.getState() == JobStatus.RUNNING && graph.allCurrentExecutionsFinished()) {
            completeJob(JobStatus.FINISHED);
        } else {
            checkAllTerminal();
        }
    }

    private void onExecutionFailed(Execution e, TaskExecutionStateUpdate update) {
        Throwable cause = update.error() != null
                ? update.error()
                : new IllegalStateException(
                        "Task '" + e.getVertex().getTaskNameWithSubtask() + "' failed without reporting an error");
        coordinators.notifyFailure(e, cause);
        failJob(cause, describeTask(e));
        checkAllTerminal();
    }

    private void onExecutionCanceled(Execution e) {
        coordinators.notifyFailure(
                e, new IllegalStateException("Task '" + e.getVertex().getTaskNameWithSubtask() + "' was cancelled"));
        if (graph.getState() == JobStatus.RUNNING) {
            failJob(
                    new IllegalStateException("Task '" + e.getVertex().getTaskNameWithSubtask() + "' on TaskManager "
                            + e.getAssignedSlot().taskManagerId()
                            + " was cancelled although its job did not ask for it"),
                    describeTask(e));
        }
        checkAllTerminal();
    }

    private String describeTask(Execution e) {
        AssignedSlot slot = e.getAssignedSlot();
        return e.getVertex().getTaskNameWithSubtask() + (slot == null ? "" : " on TaskManager " + slot.taskManagerId());
    }

    // ------------------------------------------------------------------ failure and cancellation

    /**
     * Fails the job unless it already fails, is cancelled or ended: the first failure wins. Asks
     * the restart strategy: RESTARTING (the restart follows when every execution ended and the
     * delay passed) or FAILING. Either way the current attempt is cancelled.
     */
    private void failJob(Throwable cause, String task) {
        assertRunningInMainThread();
        JobStatus status = graph.getState();
        if ((status != JobStatus.CREATED && status != JobStatus.RUNNING && status != JobStatus.RESTARTING)
                || restarts.isAttemptFailing()) {
            LOG.debug("Job '{}' is {}; not failing it again with {}", jobGraph.getName(), status, cause.toString());
            return;
        }
        if (checkpoints != null) {
            checkpoints.stopScheduler("job '" + jobGraph.getName() + "' fails: " + cause);
        }
        if (restarts.attemptFailed(cause, task)) {
            if (graph.getState() != JobStatus.RESTARTING) {
                graph.transitionState(JobStatus.RESTARTING);
            }
        } else {
            graph.transitionState(JobStatus.FAILING);
        }
        cancelAllExecutions();
        checkAllTerminal();
    }

    /**
     * A new attempt from scratch: every slot freed, fresh coordinators and accumulators, a new
     * attempt of every subtask, new slot requests.
     */
    private void restart() {
        if (graph.getState() != JobStatus.RESTARTING || !restarts.isAttemptFailing()) {
            return; // cancelled meanwhile
        }
        slots.releaseSlots("job '" + jobGraph.getName() + "' (" + jobGraph.getJobId() + ") restarts");
        slots.clearAssignments();
        reports.newAttempt();
        coordinators.closeAndClear();
        graph.resetForRestart();
        restarts.newAttempt();
        LOG.info("Job '{}' ({}) restarts now", jobGraph.getName(), jobGraph.getJobId());
        try {
            coordinators.create();
            restoreFromCheckpoint();
        } catch (Throwable t) {
            failJob(t, null);
            return;
        }
        coordinators.start();
        requestSlots();
    }

    // ------------------------------------------------------------------ lost TaskManagers

    private void onTaskManagerHeartbeatLost(String taskManagerId, HeartbeatLoss loss) {
        onTaskManagerLost(taskManagerId, loss.describe("TaskManager " + taskManagerId), List.of());
    }

    @Override
    public CompletableFuture<Void> disconnectTaskManager(
            String taskManagerId, Collection<AllocationID> allocationIds, String reason) {
        return callAsync(() -> {
            if (graph != null && !graph.getState().isTerminal()) {
                onTaskManagerLost(taskManagerId, reason, allocationIds);
            }
            return null;
        });
    }

    /**
     * Forgets the slots on the lost TaskManager. Requests the ResourceManager had matched there but
     * that were never offered are made again. While the attempt waits for slots, a lost accepted
     * slot is requested again too; once it is deployed, the executions there become FAILED and the
     * attempt fails (restart strategy).
     */
    private void onTaskManagerLost(String taskManagerId, String reason, Collection<AllocationID> allocationIds) {
        assertRunningInMainThread();
        JobSlots.LostTaskManager lostTaskManager = slots.taskManagerLost(taskManagerId, allocationIds);
        List<AssignedSlot> lost = lostTaskManager.slots();
        String address = lostTaskManager.address();
        if (lost.isEmpty()) {
            return;
        }
        String message =
                "TaskManager " + taskManagerId + (address == null ? "" : " (" + address + ")") + " is lost: " + reason;
        LOG.warn("Job '{}' ({}): {}", jobGraph.getName(), jobGraph.getJobId(), message);
        if (attemptNotDeployed()) {
            // Nothing deployed yet: ask for the lost slots again instead of failing the attempt.
            for (AssignedSlot slot : lost) {
                slots.requestAgain(slot);
            }
            return;
        }
        TaskManagerLostException cause = new TaskManagerLostException(message);
        Execution firstFailed = null;
        for (Execution e : graph.getCurrentExecutions()) {
            AssignedSlot slot = e.getAssignedSlot();
            if (e.getState().isTerminal()
                    || slot == null
                    || !slot.taskManagerId().equals(taskManagerId)) {
                continue;
            }
            if (e.getState() == ExecutionState.CANCELING) {
                e.transitionState(ExecutionState.CANCELED); // it will never report
            } else {
                e.transitionState(ExecutionState.FAILED);
                coordinators.notifyFailure(e, cause);
                if (firstFailed == null) {
                    firstFailed = e;
                }
            }
        }
        failJob(cause, firstFailed == null ? null : describeTask(firstFailed));
        checkAllTerminal();
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return callAsync(() -> {
            if (graph == null) {
                return null;
            }
            JobStatus status = graph.getState();
            if (status == JobStatus.CREATED || status == JobStatus.RUNNING || status == JobStatus.RESTARTING) {
                restarts.cancelRestartTimer();
                if (checkpoints != null) {
                    checkpoints.stopScheduler("job '" + jobGraph.getName() + "' is cancelled");
                }
                graph.transitionState(JobStatus.CANCELLING);
                cancelAllExecutions();
                checkAllTerminal();
            }
            return null;
        });
    }

    private void cancelAllExecutions() {
        slots.cancelPendingRequests();
        for (Execution e : graph.getCurrentExecutions()) {
            switch (e.getState()) {
                case CREATED, SCHEDULED -> e.transitionState(ExecutionState.CANCELED);
                case DEPLOYING, INITIALIZING, RUNNING -> {
                    e.transitionState(ExecutionState.CANCELING);
                    e.getAssignedSlot()
                            .taskExecutor()
                            .cancelTask(e.getAttemptId())
                            .whenCompleteAsync(
                                    (ok, error) -> {
                                        if (error != null && e.getState() == ExecutionState.CANCELING) {
                                            LOG.warn(
                                                    "Could not cancel {} on TaskManager {}; treating it as cancelled: {}",
                                                    e,
                                                    e.getAssignedSlot().taskManagerId(),
                                                    error.toString());
                                            e.transitionState(ExecutionState.CANCELED);
                                            checkAllTerminal();
                                        }
                                    },
                                    getMainThreadExecutor());
                }
                default -> {}
            }
        }
    }

    private void checkAllTerminal() {
        JobStatus status = graph.getState();
        if (!graph.allCurrentExecutionsTerminal()) {
            return;
        }
        if (status == JobStatus.FAILING) {
            completeJob(JobStatus.FAILED);
        } else if (status == JobStatus.CANCELLING) {
            completeJob(JobStatus.CANCELED);
        } else if (status == JobStatus.RESTARTING && restarts.isAttemptFailing()) {
            restarts.scheduleRestart(this::restart);
        }
    }

    // ------------------------------------------------------------------ coordinators

    @Override
    public CompletableFuture<Void> sendOperatorEventToCoordinator(
            ExecutionAttemptID attemptId, OperatorID operatorId, SerializedValue<OperatorEvent> event) {
        return callAsync(() -> {
            Execution e = graph == null ? null : graph.getExecution(attemptId);
            if (e == null) {
                throw new IllegalArgumentException("Job '" + jobGraph.getName() + "' has no task attempt " + attemptId);
            }
            coordinators.handleEventFromOperator(e, operatorId, event);
            return null;
        });
    }

    // ------------------------------------------------------------------ checkpoints

    @Override
    public CompletableFuture<CheckpointStatsSnapshot> requestCheckpointStats() {
        return callAsync(() -> checkpoints == null ? null : checkpointStats.snapshot());
    }

    @Override
    public CompletableFuture<CheckpointCoordinatorConfiguration> requestCheckpointConfig() {
        return callAsync(() -> checkpoints == null ? null : checkpoints.getConfiguration());
    }

    /** How the job checkpoints (null when it does not, or before it started); safe to read from any thread. */
    public CheckpointCoordinatorConfiguration getCheckpointConfig() {
        return checkpointConfig;
    }

    /** The checkpoint statistics when the job ended (null while it runs or if it does not checkpoint). */
    public CheckpointStatsSnapshot getFinalCheckpointStats() {
        return finalCheckpointStats;
    }

    @Override
    public CompletableFuture<Long> triggerCheckpoint() {
        return callAsyncCompose(() -> {
            if (checkpoints == null) {
                throw new IllegalStateException("Job '" + jobGraph.getName() + "' (" + jobGraph.getJobId()
                        + ") does not checkpoint; set execution.checkpointing.interval to enable checkpointing");
            }
            return checkpoints.triggerCheckpoint().thenApply(CompletedCheckpoint::checkpointId);
        });
    }

    @Override
    public CompletableFuture<Void> acknowledgeCheckpoint(
            ExecutionAttemptID attemptId, long checkpointId, CheckpointMetrics metrics, TaskStateSnapshot state) {
        return callAsync(() -> {
            Execution e = graph == null ? null : graph.getExecution(attemptId);
            if (e != null && checkpoints != null) {
                checkpoints.receiveAcknowledge(e, checkpointId, metrics, state);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> declineCheckpoint(
            ExecutionAttemptID attemptId, long checkpointId, SerializedThrowable reason) {
        return callAsync(() -> {
            Execution e = graph == null ? null : graph.getExecution(attemptId);
            if (e != null && checkpoints != null) {
                checkpoints.receiveDecline(e, checkpointId, reason);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> notifyEndOfInput(ExecutionAttemptID attemptId) {
        return callAsync(() -> {
            Execution e = graph == null ? null : graph.getExecution(attemptId);
            if (e != null && checkpoints != null && e.getState() == ExecutionState.RUNNING) {
                checkpoints.taskReachedEndOfInput(e);
            }
            return null;
        });
    }

    /** What the checkpoint coordinator sees of this JobMaster; main thread. */
    private final class CheckpointAccess implements CheckpointCoordinator.JobAccess {
        @Override
        public List<Execution> currentExecutions() {
            return graph.getCurrentExecutions();
        }

        @Override
        public CompletableFuture<Map<OperatorID, byte[]>> checkpointCoordinators(long checkpointId) {
            return coordinators.checkpoint(checkpointId);
        }

        @Override
        public void openCoordinatorValves() {
            coordinators.openValves();
        }

        @Override
        public void notifyCoordinatorsComplete(long checkpointId) {
            coordinators.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void notifyCoordinatorsAborted(long checkpointId) {
            coordinators.notifyCheckpointAborted(checkpointId);
        }

        @Override
        public void failJob(Throwable cause) {
            JobMaster.this.failJob(cause, null);
        }
    }

    // ------------------------------------------------------------------ status and end

    @Override
    public CompletableFuture<JobStatus> requestJobStatus() {
        return callAsync(() -> graph == null ? JobStatus.CREATED : graph.getState());
    }

    @Override
    public CompletableFuture<JobDetails> requestJobDetails() {
        return callAsync(() -> reports.snapshot(graph));
    }

    /**
     * The details as they were when the job ended; null while it runs. Safe to read from any
     * thread once {@link #getResultFuture()} completed.
     */
    public JobDetails getFinalJobDetails() {
        return reports.finalDetails();
    }

    private void completeJob(JobStatus terminal) {
        assertRunningInMainThread();
        graph.transitionState(terminal);
        JobResult result = reports.result(terminal);
        releaseResources(terminal);
        shutDown(result);
    }

    /** The JobGraph could not even be expanded: the job fails before it had a status. */
    private void completeWithoutGraph(Throwable cause) {
        JobResult result = reports.resultWithoutGraph(cause);
        restarts.failedWithoutGraph(result.failureCause());
        coordinators.close();
        shutDown(result);
    }

    private void releaseResources(JobStatus terminal) {
        restarts.cancelRestartTimer();
        if (checkpoints != null) {
            checkpoints.shutdown(terminal);
        }
        slots.releaseSlots("job '" + jobGraph.getName() + "' (" + jobGraph.getJobId() + ") is " + terminal);
        taskManagerHeartbeats.stop();
        coordinators.close();
    }

    private void shutDown(JobResult result) {
        reports.recordFinalDetails(graph, result);
        finalCheckpointStats = checkpoints == null ? null : checkpointStats.snapshot();
        services.rpcService().unregister(getAddress());
        resultFuture.complete(result);
        stopMainThread();
    }

    /**
     * Stops the job's threads at once without waiting for tasks, for a cluster that shuts down
     * after cancelling did not end the job in time.
     */
    public void shutdownNow() {
        coordinators.shutdownNow();
        runAsync(taskManagerHeartbeats::stop);
        services.rpcService().unregister(getAddress());
        getMainThreadExecutor().shutdownNow(Duration.ofMillis(100));
    }
}
