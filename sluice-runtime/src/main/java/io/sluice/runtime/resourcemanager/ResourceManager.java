package io.sluice.runtime.resourcemanager;

import io.sluice.api.common.JobID;
import io.sluice.runtime.rpc.RpcEndpoint;
import io.sluice.runtime.rpc.RpcService;
import io.sluice.runtime.taskexecutor.TaskExecutorGateway;
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
 */
public final class ResourceManager extends RpcEndpoint implements ResourceManagerGateway {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceManager.class);

    private final RpcService rpcService;
    private final LinkedHashMap<String, RegisteredTaskExecutor> taskExecutors = new LinkedHashMap<>();
    private final LinkedHashMap<AllocationID, PendingRequest> pendingRequests = new LinkedHashMap<>();

    public ResourceManager(String address, RpcService rpcService) {
        super(address);
        this.rpcService = rpcService;
    }

    private record PendingRequest(JobID jobId, AllocationID allocationId, String jobMasterAddress) {}

    /** One slot's state; owned by the main thread. */
    private static final class Slot {
        final SlotID id;
        SlotState state = SlotState.FREE;
        AllocationID allocation;
        JobID jobId;

        Slot(SlotID id) {
            this.id = id;
        }

        void transitionTo(SlotState target, AllocationID allocation, JobID jobId) {
            if (!state.successors().contains(target)) {
                throw new IllegalStateException("Slot " + id + " cannot go from " + state + " to " + target);
            }
            LOG.debug("Slot {} {} -> {} (allocation {}, job {})", id, state, target, allocation, jobId);
            state = target;
            this.allocation = allocation;
            this.jobId = jobId;
        }
    }

    private record RegisteredTaskExecutor(
            TaskExecutorRegistration registration, TaskExecutorGateway gateway, List<Slot> slots) {}

    @Override
    public CompletableFuture<Void> registerTaskExecutor(TaskExecutorRegistration registration) {
        return callAsync(() -> {
            String id = registration.taskManagerId();
            if (taskExecutors.containsKey(id)) {
                throw new IllegalArgumentException("A TaskExecutor with id '" + id + "' is already registered");
            }
            TaskExecutorGateway gateway = rpcService.connect(registration.address(), TaskExecutorGateway.class);
            List<Slot> slots = new ArrayList<>();
            for (int i = 0; i < registration.numberOfSlots(); i++) {
                slots.add(new Slot(new SlotID(id, i)));
            }
            taskExecutors.put(id, new RegisteredTaskExecutor(registration, gateway, slots));
            LOG.info("Registered TaskExecutor {} with {} slots", id, registration.numberOfSlots());
            matchRequests();
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> unregisterTaskExecutor(String taskManagerId) {
        return callAsync(() -> {
            if (taskExecutors.remove(taskManagerId) != null) {
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
                slot.transitionTo(SlotState.FREE, null, null);
                matchRequests();
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
        stopMainThread();
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
            slot.transitionTo(SlotState.ALLOCATED, request.allocationId(), request.jobId());
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
        taskExecutors.remove(id);
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
