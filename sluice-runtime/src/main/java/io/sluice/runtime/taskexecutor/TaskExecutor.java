package io.sluice.runtime.taskexecutor;

import io.sluice.api.common.JobID;
import io.sluice.runtime.blob.BlobKey;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.deployment.ProducerLocation;
import io.sluice.runtime.deployment.TaskDeploymentDescriptor;
import io.sluice.runtime.execution.TaskExecutionStateUpdate;
import io.sluice.runtime.heartbeat.HeartbeatLoss;
import io.sluice.runtime.heartbeat.HeartbeatMonitor;
import io.sluice.runtime.jobmaster.JobMasterGateway;
import io.sluice.runtime.jobmaster.SlotOffer;
import io.sluice.runtime.network.LocalPartitionDirectory;
import io.sluice.runtime.network.NetworkEnvironment;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.resourcemanager.AllocationID;
import io.sluice.runtime.resourcemanager.SlotID;
import io.sluice.runtime.resourcemanager.TaskExecutorRegistration;
import io.sluice.runtime.rpc.RpcConnectionException;
import io.sluice.runtime.rpc.RpcEndpoint;
import io.sluice.runtime.rpc.RpcService;
import io.sluice.runtime.taskmanager.TaskFactory;
import io.sluice.runtime.taskmanager.TaskHandle;
import io.sluice.runtime.util.SerializedValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TaskManager's control-plane component: N slots, the tasks running in them, and one
 * {@link NetworkEnvironment}.
 *
 * <p>Threading: slots and the task table are owned by the TaskExecutor's main thread; gateway
 * methods hop onto it. Tasks run on their own threads and report through a
 * {@link ForwardingTaskActions} that forwards straight to the task's JobMaster gateway
 * (non-blocking) and hops onto the main thread only to drop the task from the table when it ends.
 *
 * <p>Slots: {@link #requestSlot} allocates a slot and offers it to the JobMaster; a rejected offer
 * or {@link #freeSlot} makes it free again and tells the ResourceManager.
 *
 * <p>The parts, each owned by the main thread:
 * <ul>
 *   <li>{@link ResourceManagerConnection}: registration with retries, re-registration when the
 *       ResourceManager falls silent, its heartbeats;
 *   <li>{@link UserCodeLeases}: one user-code class loader per job with jars, leased per task;
 *   <li>{@link TaskSlot}: one slot and its tasks.
 * </ul>
 * The JobMasters this TaskExecutor holds slots for send heartbeats ({@link
 * #heartbeatFromJobManager}), watched by a passive {@link HeartbeatMonitor}: a silent JobMaster
 * makes it fail that job's tasks here and free its slots.
 */
public final class TaskExecutor extends RpcEndpoint implements TaskExecutorGateway {
    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);

    private final TaskExecutorConfiguration config;
    private final RpcService rpcService;
    private final TaskFactory taskFactory;
    private final NetworkEnvironment network;
    private final TaskExecutorRegistration registration;
    private final UserCodeLeases userCode;
    private final ResourceManagerConnection resourceManager;

    /** Finds the local file of a user jar by its blob key (verifying its checksum). */
    @FunctionalInterface
    public interface UserJarResolver {
        Path resolve(BlobKey key) throws IOException;
    }

    // Owned by the main thread.
    private final TaskSlot[] slots;
    private final Map<ExecutionAttemptID, TaskSlot> slotOfTask = new HashMap<>();
    private boolean closed;
    private final HeartbeatMonitor jobManagerHeartbeats;
    /** Test hook: set by {@link #simulateCrash()} or {@link #simulateHang()}; from then on nothing goes in or out. */
    private volatile boolean crashed;
    /** With {@link #crashed}: calls never answer (a hung process) instead of failing (a dead one). */
    private volatile boolean hung;

    public TaskExecutor(
            TaskExecutorConfiguration config,
            RpcService rpcService,
            String resourceManagerAddress,
            TaskFactory taskFactory) {
        this(config, rpcService, resourceManagerAddress, taskFactory, new LocalPartitionDirectory());
    }

    /**
     * @param partitionDirectory shared by the TaskExecutors of one JVM (an embedded cluster), so
     *     they read each other's partitions through local channels
     */
    public TaskExecutor(
            TaskExecutorConfiguration config,
            RpcService rpcService,
            String resourceManagerAddress,
            TaskFactory taskFactory,
            LocalPartitionDirectory partitionDirectory) {
        super(config.address());
        this.config = config;
        this.rpcService = rpcService;
        this.taskFactory = taskFactory;
        this.network = new NetworkEnvironment(config.networkConfig(), config.taskManagerId(), partitionDirectory);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        this.userCode = new UserCodeLeases(
                config.taskManagerId(), context != null ? context : TaskExecutor.class.getClassLoader());
        this.registration = new TaskExecutorRegistration(
                config.taskManagerId(),
                config.address(),
                config.numberOfSlots(),
                network.getDataAddress() == null
                        ? new ProducerLocation(
                                config.taskManagerId(), config.networkConfig().dataBindHost(), 0)
                        : new ProducerLocation(
                                config.taskManagerId(),
                                network.getDataAddress().getHostString(),
                                network.getDataAddress().getPort()));
        this.slots = new TaskSlot[config.numberOfSlots()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new TaskSlot(new SlotID(config.taskManagerId(), i));
        }
        this.resourceManager = new ResourceManagerConnection(
                config,
                rpcService,
                resourceManagerAddress,
                registration,
                getMainThreadExecutor(),
                new ResourceManagerConnection.Owner() {
                    @Override
                    public boolean isStopped() {
                        return closed || crashed;
                    }

                    @Override
                    public void assertRunningInMainThread() {
                        TaskExecutor.this.assertRunningInMainThread();
                    }
                });
        this.jobManagerHeartbeats = new HeartbeatMonitor(
                "TaskExecutor " + config.taskManagerId(),
                config.heartbeatSettings(),
                getMainThreadExecutor(),
                this::schedule,
                System::nanoTime,
                this::onJobManagerLost);
    }

    public String getTaskManagerId() {
        return config.taskManagerId();
    }

    /**
     * The data plane of this TaskManager, for reading its state (e.g. buffers in use) from any
     * thread; tasks and the main thread own what they create in it.
     */
    public NetworkEnvironment getNetworkEnvironment() {
        return network;
    }

    /**
     * Registers with the ResourceManager, retrying until it succeeds; completes at the first
     * successful registration. Register the gateway in the RPC service first.
     */
    public CompletableFuture<Void> start() {
        runAsync(() -> {
            jobManagerHeartbeats.start();
            resourceManager.start();
        });
        return resourceManager.firstRegistration();
    }

    private void onJobManagerLost(String jobId, HeartbeatLoss loss) {
        if (closed || crashed) {
            return;
        }
        String reason = "the JobMaster of job " + jobId + " is lost: " + loss.describe("JobMaster of job " + jobId);
        LOG.warn("TaskExecutor {}: {}; failing its tasks here and freeing its slots", config.taskManagerId(), reason);
        for (TaskSlot slot : slots) {
            if (slot.jobId != null && slot.jobId.toString().equals(jobId)) {
                failTasks(slot, reason);
                free(slot);
            }
        }
    }

    @Override
    public CompletableFuture<TaskExecutorHeartbeatReport> heartbeatFromResourceManager(String resourceManagerAddress) {
        if (crashed) {
            return unreachable();
        }
        return callAsync(() -> {
            resourceManager.receiveHeartbeat();
            return report(null);
        });
    }

    @Override
    public CompletableFuture<TaskExecutorHeartbeatReport> heartbeatFromJobManager(JobID jobId) {
        if (crashed) {
            return unreachable();
        }
        return callAsync(() -> {
            jobManagerHeartbeats.receiveHeartbeat(jobId.toString());
            return report(jobId);
        });
    }

    /** The allocated slots, all of them or those of {@code jobId}. */
    private TaskExecutorHeartbeatReport report(JobID jobId) {
        List<TaskExecutorHeartbeatReport.AllocatedSlot> allocated = new ArrayList<>();
        for (TaskSlot slot : slots) {
            if (slot.state != TaskSlotState.FREE && (jobId == null || jobId.equals(slot.jobId))) {
                allocated.add(new TaskExecutorHeartbeatReport.AllocatedSlot(
                        slot.id.slotIndex(), slot.allocationId, slot.jobId, slot.jobMasterAddress));
            }
        }
        return new TaskExecutorHeartbeatReport(config.taskManagerId(), List.copyOf(allocated));
    }

    /**
     * Test hook that acts like {@code kill -9} of this TaskManager's process: its tasks stop without
     * reporting anything, every later gateway call fails with {@link RpcConnectionException}, and it
     * sends nothing any more (no heartbeats answered, no registration, no slot reports).
     */
    public void simulateCrash() {
        die(false);
    }

    /**
     * Test hook like {@link #simulateCrash()}, but for a process that hangs (or a network that drops
     * everything): gateway calls never answer, so peers notice only when the heartbeat times out.
     */
    public void simulateHang() {
        die(true);
    }

    private void die(boolean hang) {
        hung = hang;
        crashed = true;
        LOG.warn("TaskExecutor {} simulates a {}", config.taskManagerId(), hang ? "hang" : "crash");
        runAsync(() -> {
            resourceManager.stop();
            jobManagerHeartbeats.stop();
            for (TaskSlot slot : slots) {
                for (TaskHandle task : slot.tasks.values()) {
                    task.cancelExecution();
                }
            }
        });
    }

    public boolean isCrashed() {
        return crashed;
    }

    private <T> CompletableFuture<T> unreachable() {
        if (hung) {
            return new CompletableFuture<>();
        }
        return CompletableFuture.failedFuture(new RpcConnectionException(
                "TaskManager " + config.taskManagerId() + " (" + getAddress() + ") cannot be reached: its process is"
                        + " gone",
                null));
    }

    @Override
    public CompletableFuture<Void> requestSlot(
            SlotID slotId, JobID jobId, AllocationID allocationId, String jobMasterAddress) {
        if (crashed) {
            return unreachable();
        }
        return callAsync(() -> {
            checkNotClosed();
            TaskSlot slot = slot(slotId);
            if (slot.state != TaskSlotState.FREE) {
                if (allocationId.equals(slot.allocationId)) {
                    return null; // repeated request
                }
                throw new IllegalStateException("Slot " + slotId + " is not free: it holds allocation "
                        + slot.allocationId + " of job " + slot.jobId);
            }
            slot.allocationId = allocationId;
            slot.jobId = jobId;
            slot.jobMasterAddress = jobMasterAddress;
            slot.transitionTo(TaskSlotState.ALLOCATED);
            if (!jobManagerHeartbeats.isMonitoring(jobId.toString())) {
                jobManagerHeartbeats.monitorTarget(jobId.toString(), null);
            }
            try {
                slot.jobMaster = rpcService.connect(jobMasterAddress, JobMasterGateway.class);
            } catch (RuntimeException e) {
                LOG.info("Freeing slot {}: the JobMaster of job {} is gone ({})", slotId, jobId, e.getMessage());
                free(slot);
                return null;
            }
            slot.jobMaster
                    .offerSlots(registration, List.of(new SlotOffer(allocationId, slotId)))
                    .whenCompleteAsync(
                            (accepted, error) -> onOfferAnswered(slot, allocationId, accepted, error),
                            getMainThreadExecutor());
            return null;
        });
    }

    private void onOfferAnswered(
            TaskSlot slot, AllocationID allocationId, java.util.Collection<SlotOffer> accepted, Throwable error) {
        if (!allocationId.equals(slot.allocationId)) {
            return; // freed meanwhile
        }
        boolean ok = error == null
                && accepted.stream().anyMatch(o -> o.allocationId().equals(allocationId));
        if (ok) {
            if (slot.state == TaskSlotState.ALLOCATED) {
                slot.transitionTo(TaskSlotState.ACTIVE);
            }
        } else {
            LOG.debug(
                    "Job {} did not take slot {}: {}",
                    slot.jobId,
                    slot.id,
                    error == null ? "offer rejected" : error.toString());
            free(slot);
        }
    }

    @Override
    public CompletableFuture<Void> submitTask(TaskDeploymentDescriptor tdd, AllocationID allocationId) {
        if (crashed) {
            return unreachable();
        }
        return callAsync(() -> {
            checkNotClosed();
            TaskSlot slot = slotOf(allocationId);
            if (slot == null || !tdd.jobId().equals(slot.jobId)) {
                throw new IllegalStateException("Cannot deploy task '" + tdd.taskNameWithSubtask() + "' of job '"
                        + tdd.jobName() + "' on TaskManager " + config.taskManagerId() + ": no slot holds allocation "
                        + allocationId + " for that job (it was freed or never offered)");
            }
            if (slot.state == TaskSlotState.ALLOCATED) {
                slot.transitionTo(TaskSlotState.ACTIVE);
            }
            ClassLoader userCodeClassLoader = userCode.acquire(tdd.attemptId(), tdd.jobId(), tdd.userJarBlobKeys());
            TaskHandle task;
            try {
                task = taskFactory.create(
                        tdd,
                        config.taskManagerId(),
                        network,
                        userCodeClassLoader,
                        new ForwardingTaskActions(
                                slot.jobMaster, () -> crashed, update -> runAsync(() -> onTaskStateUpdate(update))));
            } catch (RuntimeException | Error e) {
                userCode.release(tdd.attemptId());
                throw e;
            }
            slot.tasks.put(tdd.attemptId(), task);
            slotOfTask.put(tdd.attemptId(), slot);
            LOG.info("Starting task {} ({}) in slot {}", tdd.taskNameWithSubtask(), tdd.attemptId(), slot.id);
            task.startTaskThread();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> cancelTask(ExecutionAttemptID attemptId) {
        if (crashed) {
            return unreachable();
        }
        return callAsync(() -> {
            TaskHandle task = task(attemptId);
            if (task != null) {
                task.cancelExecution();
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> triggerCheckpoint(ExecutionAttemptID attemptId, long checkpointId, long timestamp) {
        return withTask(
                attemptId, "trigger checkpoint " + checkpointId, t -> t.triggerCheckpoint(checkpointId, timestamp));
    }

    @Override
    public CompletableFuture<Void> confirmCheckpoint(ExecutionAttemptID attemptId, long checkpointId) {
        return withTask(attemptId, "confirm checkpoint " + checkpointId, t -> t.notifyCheckpointComplete(checkpointId));
    }

    @Override
    public CompletableFuture<Void> abortCheckpoint(ExecutionAttemptID attemptId, long checkpointId) {
        return withTask(attemptId, "abort checkpoint " + checkpointId, t -> t.notifyCheckpointAborted(checkpointId));
    }

    /** Runs {@code action} on the task of {@code attemptId}; fails if it does not run here. */
    private CompletableFuture<Void> withTask(
            ExecutionAttemptID attemptId, String what, java.util.function.Consumer<TaskHandle> action) {
        if (crashed) {
            return unreachable();
        }
        return callAsync(() -> {
            TaskHandle task = task(attemptId);
            if (task == null) {
                throw new IllegalStateException("Cannot " + what + " at task attempt " + attemptId
                        + ": it is not running on TaskManager " + config.taskManagerId());
            }
            action.accept(task);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> sendOperatorEventToTask(
            ExecutionAttemptID attemptId, OperatorID operatorId, SerializedValue<OperatorEvent> event) {
        if (crashed) {
            return unreachable();
        }
        return callAsync(() -> {
            TaskHandle task = task(attemptId);
            if (task == null) {
                throw new IllegalStateException(
                        "Cannot deliver an event for operator " + operatorId + " to task attempt " + attemptId
                                + ": it is not running on TaskManager " + config.taskManagerId());
            }
            task.deliverOperatorEvent(operatorId, event);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> freeSlot(AllocationID allocationId, String cause) {
        if (crashed) {
            return unreachable();
        }
        return callAsync(() -> {
            TaskSlot slot = slotOf(allocationId);
            if (slot != null) {
                failTasks(slot, "Slot " + slot.id + " was freed: " + cause);
                free(slot);
            }
            return null;
        });
    }

    private static void failTasks(TaskSlot slot, String message) {
        for (TaskHandle task : slot.tasks.values()) {
            if (!task.getExecutionState().isTerminal()) {
                task.failExternally(new IllegalStateException(message));
            }
        }
    }

    /** Cancels running tasks, unregisters from the ResourceManager, closes the network and stops the main thread. */
    public CompletableFuture<Void> closeAsync() {
        CompletableFuture<Void> done = callAsync(() -> {
            if (closed) {
                return null;
            }
            closed = true;
            resourceManager.stop();
            jobManagerHeartbeats.stop();
            for (TaskSlot slot : slots) {
                for (TaskHandle task : slot.tasks.values()) {
                    task.cancelExecution();
                }
            }
            if (resourceManager.gateway() != null && !crashed) {
                resourceManager.gateway().unregisterTaskExecutor(config.taskManagerId());
            }
            try {
                network.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing the network of TaskManager {} failed", config.taskManagerId(), e);
            }
            userCode.shutdown();
            LOG.info("TaskExecutor {} closed", config.taskManagerId());
            return null;
        });
        return done.whenComplete((ok, error) -> stopMainThread());
    }

    /**
     * Sets how jars of jobs are found (the embedded cluster: its blob store). Without one, a task of
     * a job with jars fails to deploy.
     */
    public void setUserJarResolver(UserJarResolver resolver) {
        userCode.setUserJarResolver(resolver);
    }

    /** Jobs that currently hold a user-code class loader here (for tests). */
    public int getNumberOfJobsWithUserCodeClassLoader() {
        return userCode.getNumberOfRegisteredJobs();
    }

    private void free(TaskSlot slot) {
        assertRunningInMainThread();
        AllocationID allocationId = slot.allocationId;
        JobID jobId = slot.jobId;
        for (ExecutionAttemptID attempt : new ArrayList<>(slot.tasks.keySet())) {
            slotOfTask.remove(attempt);
        }
        slot.tasks.clear();
        slot.transitionTo(TaskSlotState.FREE);
        slot.allocationId = null;
        slot.jobId = null;
        slot.jobMasterAddress = null;
        slot.jobMaster = null;
        if (jobId != null && !holdsSlotFor(jobId)) {
            jobManagerHeartbeats.unmonitorTarget(jobId.toString());
        }
        if (resourceManager.gateway() != null && !closed && !crashed) {
            resourceManager.gateway().notifySlotAvailable(slot.id, allocationId);
        }
    }

    private void onTaskStateUpdate(TaskExecutionStateUpdate update) {
        if (update.state().isTerminal()) {
            userCode.release(update.attemptId());
            TaskSlot slot = slotOfTask.remove(update.attemptId());
            if (slot != null) {
                slot.tasks.remove(update.attemptId());
            }
        }
    }

    private boolean holdsSlotFor(JobID jobId) {
        for (TaskSlot slot : slots) {
            if (jobId.equals(slot.jobId)) {
                return true;
            }
        }
        return false;
    }

    private TaskHandle task(ExecutionAttemptID attemptId) {
        TaskSlot slot = slotOfTask.get(attemptId);
        return slot == null ? null : slot.tasks.get(attemptId);
    }

    private TaskSlot slot(SlotID slotId) {
        if (!slotId.taskManagerId().equals(config.taskManagerId())
                || slotId.slotIndex() < 0
                || slotId.slotIndex() >= slots.length) {
            throw new IllegalArgumentException("TaskManager " + config.taskManagerId() + " has no slot " + slotId
                    + " (it has " + slots.length + ")");
        }
        return slots[slotId.slotIndex()];
    }

    private TaskSlot slotOf(AllocationID allocationId) {
        for (TaskSlot slot : slots) {
            if (allocationId.equals(slot.allocationId)) {
                return slot;
            }
        }
        return null;
    }

    private void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("TaskManager " + config.taskManagerId() + " is shutting down");
        }
    }

    @Override
    public CompletableFuture<Map<String, Long>> requestMetrics() {
        if (crashed) {
            return unreachable();
        }
        return CompletableFuture.completedFuture(TaskExecutorMetrics.of(network.getNetworkBufferPool()));
    }
}
