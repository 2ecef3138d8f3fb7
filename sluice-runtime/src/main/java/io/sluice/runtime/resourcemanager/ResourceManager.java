package io.sluice.runtime.resourcemanager;

import io.sluice.api.common.JobID;
import io.sluice.runtime.heartbeat.HeartbeatLoss;
import io.sluice.runtime.heartbeat.HeartbeatMonitor;
import io.sluice.runtime.heartbeat.HeartbeatSettings;
import io.sluice.runtime.jobmaster.JobMasterGateway;
import io.sluice.runtime.rpc.RpcEndpoint;
import io.sluice.runtime.rpc.RpcService;
import io.sluice.runtime.taskexecutor.TaskExecutorGateway;
import io.sluice.runtime.taskexecutor.TaskExecutorHeartbeatReport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of TaskExecutors and their slots; matches slot requests with free slots.
 *
 * <p>Threading: every field is owned by the ResourceManager's main thread; the gateway methods hop
 * onto it. Matching takes the oldest waiting request and the first free slot in registration order
 * (TaskManager by TaskManager, slot index ascending), so placement is deterministic.
 *
 * <p>Protocol: a matched slot becomes {@link SlotState#ALLOCATED} and its TaskExecutor is told to
 * offer it to the JobMaster; the slot becomes free again only when the TaskExecutor reports it with
 * {@link #notifySlotAvailable} (the JobMaster rejected the offer, or released the slot when its job
 * ended). Standalone: the ResourceManager never starts TaskManagers, so a request waits until a
 * slot frees or a TaskExecutor registers; the JobMaster times it out.
 *
 * <p>Heartbeats: a {@link HeartbeatMonitor} asks every registered TaskExecutor for a heartbeat each
 * {@code heartbeat.interval}. A TaskExecutor silent for {@code heartbeat.timeout}, or unreachable, is
 * lost: it and its slots leave the registry and every JobMaster that had slots there hears of it
 * through {@link JobMasterGateway#disconnectTaskManager}. A TaskExecutor that registers again under
 * the same id and address replaces its old entry; its first heartbeat report then tells which of its
 * slots are still allocated.
 */
public final class ResourceManager extends RpcEndpoint implements ResourceManagerGateway {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceManager.class);

    private final RpcService rpcService;
    private final LinkedHashMap<String, RegisteredTaskExecutor> taskExecutors = new LinkedHashMap<>();
    private final LinkedHashMap<AllocationID, PendingRequest> pendingRequests = new LinkedHashMap<>();
    private final HeartbeatMonitor taskManagerHeartbeats;

    public ResourceManager(String address, RpcService rpcService) {
        this(address, rpcService, HeartbeatSettings.defaults());
    }

    public ResourceManager(String address, RpcService rpcService, HeartbeatSettings heartbeatSettings) {
        super(address);
        this.rpcService = rpcService;
        this.taskManagerHeartbeats = new HeartbeatMonitor(
                "ResourceManager",
                heartbeatSettings,
                getMainThreadExecutor(),
                this::schedule,
                System::nanoTime,
                this::onTaskManagerHeartbeatLost);
        runAsync(taskManagerHeartbeats::start);
    }

    private record PendingRequest(JobID jobId, AllocationID allocationId, String jobMasterAddress) {}

    /** One slot's state; owned by the main thread. */
    private static final class Slot {
        final SlotID id;
        SlotState state = SlotState.FREE;
        AllocationID allocation;
        JobID jobId;
        String jobMasterAddress;
        /** Counts changes (and ignored reports) of this slot, so a heartbeat report older than one is not applied. */
        long version;

        Slot(SlotID id) {
            this.id = id;
        }

        void transitionTo(SlotState target, AllocationID allocation, JobID jobId, String jobMasterAddress) {
            if (!state.successors().contains(target)) {
                throw new IllegalStateException("Slot " + id + " cannot go from " + state + " to " + target);
            }
            LOG.debug("Slot {} {} -> {} (allocation {}, job {})", id, state, target, allocation, jobId);
            state = target;
            version++;
            this.allocation = allocation;
            this.jobId = jobId;
            this.jobMasterAddress = jobMasterAddress;
        }
    }

    /** One registered TaskExecutor and its slots; owned by the main thread. */
    private static final class RegisteredTaskExecutor {
        final TaskExecutorRegistration registration;
        final TaskExecutorGateway gateway;
        final List<Slot> slots;
        /** Its next heartbeat report says which slots are allocated: it (re-)registered. */
        boolean syncSlots;

        RegisteredTaskExecutor(TaskExecutorRegistration registration, TaskExecutorGateway gateway, List<Slot> slots) {
            this.registration = registration;
            this.gateway = gateway;
            this.slots = slots;
        }

        TaskExecutorRegistration registration() {
            return registration;
        }

        TaskExecutorGateway gateway() {
            return gateway;
        }

        List<Slot> slots() {
            return slots;
        }
    }

    @Override
    public CompletableFuture<Void> registerTaskExecutor(TaskExecutorRegistration registration) {
        return callAsync(() -> {
            String id = registration.taskManagerId();
            RegisteredTaskExecutor previous = taskExecutors.get(id);
            boolean again = false;
            if (previous != null) {
                if (!previous.registration().address().equals(registration.address())
                        || previous.registration().numberOfSlots() != registration.numberOfSlots()) {
                    throw new IllegalArgumentException("A TaskExecutor with id '" + id + "' is already registered"
                            + " (at " + previous.registration().address() + ")");
                }
                again = true;
            }
            TaskExecutorGateway gateway = rpcService.connect(registration.address(), TaskExecutorGateway.class);
            List<Slot> slots;
            if (again) {
                // The TaskExecutor lost us for a while and registered again: keep what we know of its slots.
                slots = previous.slots();
            } else {
                slots = new ArrayList<>();
                for (int i = 0; i < registration.numberOfSlots(); i++) {
                    slots.add(new Slot(new SlotID(id, i)));
                }
            }
            RegisteredTaskExecutor te = new RegisteredTaskExecutor(registration, gateway, slots);
            te.syncSlots = true;
            taskExecutors.put(id, te);
            taskManagerHeartbeats.monitorTarget(id, () -> {
                long[] versionsAtRequest = slotVersions(te);
                return gateway.heartbeatFromResourceManager(getAddress())
                        .thenApplyAsync(
                                report -> {
                                    onHeartbeatReport(te, report, versionsAtRequest);
                                    return report;
                                },
                                getMainThreadExecutor());
            });
            LOG.info(
                    "{} TaskExecutor {} with {} slots",
                    again ? "Registered again" : "Registered",
                    id,
                    registration.numberOfSlots());
            matchRequests();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> unregisterTaskExecutor(String taskManagerId) {
        return callAsync(() -> {
            if (taskExecutors.remove(taskManagerId) != null) {
                taskManagerHeartbeats.unmonitorTarget(taskManagerId);
                LOG.info("Unregistered TaskExecutor {}", taskManagerId);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> requestSlot(JobID jobId, AllocationID allocationId, String jobMasterAddress) {
        return callAsync(() -> {
            if (pendingRequests.containsKey(allocationId) || findSlot(allocationId) != null) {
                return null; // a repeated request: already waiting or matched
            }
            pendingRequests.put(allocationId, new PendingRequest(jobId, allocationId, jobMasterAddress));
            matchRequests();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> cancelSlotRequest(AllocationID allocationId) {
        return callAsync(() -> {
            pendingRequests.remove(allocationId);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> notifySlotAvailable(SlotID slotId, AllocationID allocationId) {
        return callAsync(() -> {
            RegisteredTaskExecutor te = taskExecutors.get(slotId.taskManagerId());
            if (te == null
                    || slotId.slotIndex() < 0
                    || slotId.slotIndex() >= te.slots().size()) {
                LOG.debug("Ignoring free slot {} of an unknown TaskExecutor", slotId);
                return null;
            }
            Slot slot = te.slots().get(slotId.slotIndex());
            if (slot.state == SlotState.ALLOCATED && allocationId.equals(slot.allocation)) {
                slot.transitionTo(SlotState.FREE, null, null, null);
                matchRequests();
            } else {
                slot.version++; // a heartbeat report in flight may still show that allocation
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<ClusterOverview> getClusterOverview() {
        return callAsync(() -> {
            int total = 0;
            int free = 0;
            for (RegisteredTaskExecutor te : taskExecutors.values()) {
                for (Slot s : te.slots()) {
                    total++;
                    if (s.state == SlotState.FREE) {
                        free++;
                    }
                }
            }
            return new ClusterOverview(taskExecutors.size(), total, free);
        });
    }

    @Override
    public CompletableFuture<List<TaskManagerInfo>> requestTaskManagerInfos() {
        return callAsync(() -> {
            List<TaskManagerInfo> infos = new ArrayList<>();
            for (RegisteredTaskExecutor te : taskExecutors.values()) {
                List<TaskManagerInfo.SlotInfo> slots = new ArrayList<>();
                for (Slot s : te.slots()) {
                    slots.add(new TaskManagerInfo.SlotInfo(s.id.slotIndex(), s.state, s.jobId));
                }
                TaskExecutorRegistration r = te.registration();
                infos.add(new TaskManagerInfo(r.taskManagerId(), r.address(), r.dataLocation(), List.copyOf(slots)));
            }
            return List.copyOf(infos);
        });
    }

    @Override
    public CompletableFuture<Map<String, Long>> requestTaskManagerMetrics(String taskManagerId) {
        return callAsyncCompose(() -> {
            RegisteredTaskExecutor te = taskExecutors.get(taskManagerId);
            if (te == null) {
                return CompletableFuture.failedFuture(new UnknownTaskManagerException(taskManagerId));
            }
            return te.gateway().requestMetrics();
        });
    }

    /** Stops the main thread; waiting requests are dropped (their JobMasters time out or are cancelled). */
    public void close() {
        runAsync(taskManagerHeartbeats::stop);
        stopMainThread();
    }

    // ------------------------------------------------------------------ heartbeats and lost TaskExecutors

    /**
     * The first report after a (re-)registration: slots the TaskExecutor still holds for a job become
     * ALLOCATED here too, so they are not handed out twice.
     */
    private void onHeartbeatReport(
            RegisteredTaskExecutor te, TaskExecutorHeartbeatReport report, long[] versionsAtRequest) {
        if (!te.syncSlots || taskExecutors.get(te.registration().taskManagerId()) != te) {
            return;
        }
        te.syncSlots = false;
        for (TaskExecutorHeartbeatReport.AllocatedSlot reported : report.allocatedSlots()) {
            if (reported.slotIndex() < 0 || reported.slotIndex() >= te.slots().size()) {
                continue;
            }
            Slot slot = te.slots().get(reported.slotIndex());
            // A slot that changed after the request was sent is known better here than in the report.
            if (slot.state == SlotState.FREE && slot.version == versionsAtRequest[reported.slotIndex()]) {
                slot.transitionTo(
                        SlotState.ALLOCATED, reported.allocationId(), reported.jobId(), reported.jobMasterAddress());
            }
        }
    }

    private static long[] slotVersions(RegisteredTaskExecutor te) {
        long[] versions = new long[te.slots().size()];
        for (int i = 0; i < versions.length; i++) {
            versions[i] = te.slots().get(i).version;
        }
        return versions;
    }

    private void onTaskManagerHeartbeatLost(String taskManagerId, HeartbeatLoss loss) {
        RegisteredTaskExecutor te = taskExecutors.get(taskManagerId);
        if (te == null) {
            return;
        }
        closeTaskManagerConnection(te, loss.describe("TaskManager " + taskManagerId));
        matchRequests();
    }

    /**
     * Drops a lost TaskExecutor and its slots, and tells each JobMaster that had slots there which
     * allocations it lost, with {@code reason}.
     */
    private void closeTaskManagerConnection(RegisteredTaskExecutor te, String reason) {
        assertRunningInMainThread();
        String id = te.registration().taskManagerId();
        if (taskExecutors.get(id) != te) {
            return;
        }
        taskExecutors.remove(id);
        taskManagerHeartbeats.unmonitorTarget(id);
        LOG.warn(
                "TaskExecutor {} ({}) is lost: {}; removing it and its {} slots",
                id,
                te.registration().address(),
                reason,
                te.slots().size());
        Map<String, List<AllocationID>> lostByJobMaster = new LinkedHashMap<>();
        for (Slot s : te.slots()) {
            if (s.state == SlotState.ALLOCATED && s.jobMasterAddress != null) {
                lostByJobMaster
                        .computeIfAbsent(s.jobMasterAddress, k -> new ArrayList<>())
                        .add(s.allocation);
            }
        }
        for (Map.Entry<String, List<AllocationID>> e : lostByJobMaster.entrySet()) {
            JobMasterGateway jobMaster;
            try {
                jobMaster = rpcService.connect(e.getKey(), JobMasterGateway.class);
            } catch (RuntimeException gone) {
                LOG.debug("JobMaster {} is gone; not telling it of lost TaskExecutor {}", e.getKey(), id);
                continue;
            }
            jobMaster
                    .disconnectTaskManager(id, List.copyOf(e.getValue()), reason)
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            LOG.debug(
                                    "JobMaster {} did not hear of lost TaskExecutor {}: {}",
                                    e.getKey(),
                                    id,
                                    error.toString());
                        }
                    });
        }
    }

    private void matchRequests() {
        assertRunningInMainThread();
        Iterator<PendingRequest> it = pendingRequests.values().iterator();
        while (it.hasNext()) {
            Map.Entry<RegisteredTaskExecutor, Slot> free = firstFreeSlot();
            if (free == null) {
                break;
            }
            PendingRequest request = it.next();
            it.remove();
            Slot slot = free.getValue();
            slot.transitionTo(SlotState.ALLOCATED, request.allocationId(), request.jobId(), request.jobMasterAddress());
            RegisteredTaskExecutor te = free.getKey();
            LOG.debug("Slot {} matched request {} of job {}", slot.id, request.allocationId(), request.jobId());
            te.gateway()
                    .requestSlot(slot.id, request.jobId(), request.allocationId(), request.jobMasterAddress())
                    .whenCompleteAsync(
                            (ok, error) -> {
                                if (error != null) {
                                    onSlotRequestToTaskExecutorFailed(te, request, error);
                                }
                            },
                            getMainThreadExecutor());
        }
    }

    private void onSlotRequestToTaskExecutorFailed(RegisteredTaskExecutor te, PendingRequest request, Throwable error) {
        String id = te.registration().taskManagerId();
        LOG.warn(
                "TaskExecutor {} did not take slot request {} of job {}: {}; removing it from the registry",
                id,
                request.allocationId(),
                request.jobId(),
                error.toString());
        // The request goes back to the queue, so the JobMaster is not told about this allocation.
        for (Slot s : te.slots()) {
            if (request.allocationId().equals(s.allocation)) {
                s.jobMasterAddress = null;
            }
        }
        closeTaskManagerConnection(te, "it did not take a slot request (" + error + ")");
        pendingRequests.put(request.allocationId(), request);
        matchRequests();
    }

    private Map.Entry<RegisteredTaskExecutor, Slot> firstFreeSlot() {
        for (RegisteredTaskExecutor te : taskExecutors.values()) {
            for (Slot s : te.slots()) {
                if (s.state == SlotState.FREE) {
                    return Map.entry(te, s);
                }
            }
        }
        return null;
    }

    private Slot findSlot(AllocationID allocationId) {
        for (RegisteredTaskExecutor te : taskExecutors.values()) {
            for (Slot s : te.slots()) {
                if (allocationId.equals(s.allocation)) {
                    return s;
                }
            }
        }
        return null;
    }
}
