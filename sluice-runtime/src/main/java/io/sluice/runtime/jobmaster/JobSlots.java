package io.sluice.runtime.jobmaster;

import io.sluice.runtime.executiongraph.AssignedSlot;
import io.sluice.runtime.executiongraph.Execution;
import io.sluice.runtime.heartbeat.HeartbeatMonitor;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import io.sluice.runtime.resourcemanager.AllocationID;
import io.sluice.runtime.resourcemanager.ClusterOverview;
import io.sluice.runtime.resourcemanager.ResourceManagerGateway;
import io.sluice.runtime.resourcemanager.TaskExecutorRegistration;
import io.sluice.runtime.rpc.MainThreadExecutor;
import io.sluice.runtime.taskexecutor.TaskExecutorGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slot side of a {@link JobMaster}: one slot request per parallel pipeline of each slot sharing
 * group, the offers that fulfil them, the {@code slot.request.timeout} (failing the job with a
 * {@link NoResourceAvailableException} that says what the cluster has), the slots lost with a
 * TaskManager, and freeing every slot when the attempt or the job ends. It also keeps the
 * addresses of the TaskManagers that hold the job's slots and registers them with the JobMaster's
 * TaskManager {@link HeartbeatMonitor}.
 *
 * <pre>
 * requestSlots ──► pending requests (at the ResourceManager) ──offer──► accepted slots
 *     │                                   ▲                                │
 *     └─ timeout: NoResourceAvailable     └── requested again ◄── TaskManager lost (not deployed)
 * release: pending requests cancelled, accepted slots freed
 * </pre>
 *
 * <p>Threading: owned by the JobMaster's main thread; every method is called there, and replies of
 * the ResourceManager come back to it through {@code mainThread}. It decides nothing about the
 * job: whether the attempt still waits for slots, and failing the job, are the {@link Owner}'s.
 */
final class JobSlots {
    // Logs under the JobMaster's name: these are the JobMaster's messages.
    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    /** What the slots need from their JobMaster; called on its main thread. */
    interface Owner {
        /** The job has a current attempt that is neither deployed nor failing. */
        boolean attemptAwaitsSlots();

        /** Fails the job (first failure wins) with a cause that names no task. */
        void failJob(Throwable cause);
    }

    /** The slots and address of a lost TaskManager, as this job knew them. */
    record LostTaskManager(String address, List<AssignedSlot> slots) {}

    private record SlotRequest(String slotSharingGroup, int index, AllocationID allocationId) {}

    private final JobGraph jobGraph;
    private final JobMasterServices services;
    private final String jobMasterAddress;
    private final MainThreadExecutor mainThread;
    private final HeartbeatMonitor taskManagerHeartbeats;
    private final Owner owner;

    // Owned by the JobMaster's main thread.
    private ResourceManagerGateway resourceManager;
    private final LinkedHashMap<String, AssignedSlot[]> slotsByGroup = new LinkedHashMap<>();
    private final LinkedHashMap<AllocationID, SlotRequest> pendingSlotRequests = new LinkedHashMap<>();
    private final LinkedHashMap<AllocationID, AssignedSlot> acceptedSlots = new LinkedHashMap<>();
    private ScheduledFuture<?> slotRequestTimeout;
    /** TaskManager id to the address of its gateway, for the TaskManagers that offered slots. */
    private final Map<String, String> taskManagerAddresses = new HashMap<>();

    JobSlots(
            JobGraph jobGraph,
            JobMasterServices services,
            String jobMasterAddress,
            MainThreadExecutor mainThread,
            HeartbeatMonitor taskManagerHeartbeats,
            Owner owner) {
        this.jobGraph = jobGraph;
        this.services = services;
        this.jobMasterAddress = jobMasterAddress;
        this.mainThread = mainThread;
        this.taskManagerHeartbeats = taskManagerHeartbeats;
        this.owner = owner;
    }

    void connectResourceManager(ResourceManagerGateway resourceManager) {
        this.resourceManager = resourceManager;
    }

    /** Requests every slot of a new attempt and starts the slot request timeout. */
    void requestSlots() {
        for (Map.Entry<String, Integer> group : slotsNeededPerGroup().entrySet()) {
            slotsByGroup.put(group.getKey(), new AssignedSlot[group.getValue()]);
            for (int i = 0; i < group.getValue(); i++) {
                AllocationID id = new AllocationID();
                pendingSlotRequests.put(id, new SlotRequest(group.getKey(), i, id));
            }
        }
        LOG.info(
                "Job '{}' ({}) requests {} slots", jobGraph.getName(), jobGraph.getJobId(), pendingSlotRequests.size());
        for (SlotRequest r : pendingSlotRequests.values()) {
            requestSlotFromResourceManager(r);
        }
        Duration timeout = services.slotRequestTimeout();
        slotRequestTimeout = mainThread.schedule(this::onSlotRequestTimeout, timeout);
    }

    private void requestSlotFromResourceManager(SlotRequest r) {
        resourceManager
                .requestSlot(jobGraph.getJobId(), r.allocationId(), jobMasterAddress)
                .whenCompleteAsync(
                        (ok, error) -> {
                            if (error != null && pendingSlotRequests.containsKey(r.allocationId())) {
                                owner.failJob(new IllegalStateException(
                                        "Job '" + jobGraph.getName()
                                                + "' could not request slots from the ResourceManager: "
                                                + error,
                                        error));
                            }
                        },
                        mainThread);
    }

    /** Slot sharing group to the highest parallelism in it, in order of first appearance. */
    private LinkedHashMap<String, Integer> slotsNeededPerGroup() {
        LinkedHashMap<String, Integer> perGroup = new LinkedHashMap<>();
        for (JobVertex v : jobGraph.getVertices()) {
            perGroup.merge(v.getSlotSharingGroup(), v.getParallelism(), Math::max);
        }
        return perGroup;
    }

    /**
     * Accepts the offers that fulfil a pending request (none unless {@link #isWaitingForSlots()})
     * and watches the TaskManager's heartbeat once it holds a slot of the job.
     */
    List<SlotOffer> offerSlots(TaskExecutorRegistration taskExecutor, Collection<SlotOffer> offers) {
        List<SlotOffer> accepted = new ArrayList<>();
        if (!isWaitingForSlots()) {
            return accepted;
        }
        TaskExecutorGateway gateway = services.rpcService().connect(taskExecutor.address(), TaskExecutorGateway.class);
        for (SlotOffer offer : offers) {
            SlotRequest request = pendingSlotRequests.remove(offer.allocationId());
            if (request == null) {
                continue;
            }
            AssignedSlot slot =
                    new AssignedSlot(offer.allocationId(), offer.slotId(), taskExecutor.dataLocation(), gateway);
            slotsByGroup.get(request.slotSharingGroup())[request.index()] = slot;
            acceptedSlots.put(offer.allocationId(), slot);
            accepted.add(offer);
        }
        if (!accepted.isEmpty()) {
            String tmId = taskExecutor.taskManagerId();
            taskManagerAddresses.put(tmId, taskExecutor.address());
            if (!taskManagerHeartbeats.isMonitoring(tmId)) {
                taskManagerHeartbeats.monitorTarget(tmId, () -> gateway.heartbeatFromJobManager(jobGraph.getJobId()));
            }
        }
        return accepted;
    }

    /** Every slot request of the current attempt is fulfilled. */
    boolean allSlotsOffered() {
        return pendingSlotRequests.isEmpty();
    }

    /** Slots of the current attempt are requested and it is not deployed (nor failing) yet. */
    boolean isWaitingForSlots() {
        return owner.attemptAwaitsSlots() && !pendingSlotRequests.isEmpty();
    }

    /** The slot an execution runs in: its subtask's slot in its slot sharing group. */
    AssignedSlot slotFor(Execution e) {
        return slotsByGroup
                .get(e.getVertex().getJobVertex().getJobVertex().getSlotSharingGroup())[
                e.getVertex().getSubtaskIndex()];
    }

    private void onSlotRequestTimeout() {
        if (!isWaitingForSlots()) {
            return;
        }
        resourceManager
                .getClusterOverview()
                .whenCompleteAsync(
                        (overview, error) -> {
                            if (isWaitingForSlots()) {
                                owner.failJob(new NoResourceAvailableException(slotTimeoutMessage(overview, error)));
                            }
                        },
                        mainThread);
    }

    /**
     * "Could not acquire the required slots for job 'x' (id) within 10 s: it needs 4 slots (slot
     * sharing group 'default': 4), the cluster has 2 slots, 2 free." Slots this job already holds
     * count as free: they are released with the job.
     */
    private String slotTimeoutMessage(ClusterOverview overview, Throwable error) {
        StringBuilder sb = new StringBuilder("Could not acquire the required slots for job '")
                .append(jobGraph.getName())
                .append("' (")
                .append(jobGraph.getJobId())
                .append(") within ")
                .append(JobMaster.formatDuration(services.slotRequestTimeout()))
                .append(": it needs ")
                .append(jobGraph.getMaximumSlotsNeeded())
                .append(" slots (");
        String sep = "";
        for (Map.Entry<String, Integer> g : slotsNeededPerGroup().entrySet()) {
            sb.append(sep)
                    .append("slot sharing group '")
                    .append(g.getKey())
                    .append("': ")
                    .append(g.getValue());
            sep = ", ";
        }
        sb.append("), ");
        if (overview != null) {
            sb.append("the cluster has ")
                    .append(overview.numSlotsTotal())
                    .append(" slots, ")
                    .append(overview.numSlotsAvailable() + acceptedSlots.size())
                    .append(" free.");
        } else {
            sb.append("and the ResourceManager did not say how many the cluster has (")
                    .append(error)
                    .append(").");
        }
        sb.append(" Add TaskManagers or slots ('taskmanager.numberOfTaskSlots'), lower the job's parallelism,"
                + " or wait for other jobs to end.");
        return sb.toString();
    }

    void cancelSlotRequestTimeout() {
        if (slotRequestTimeout != null) {
            slotRequestTimeout.cancel(false);
            slotRequestTimeout = null;
        }
    }

    /** Stops the timeout and withdraws every request still pending at the ResourceManager. */
    void cancelPendingRequests() {
        cancelSlotRequestTimeout();
        for (AllocationID id : pendingSlotRequests.keySet()) {
            resourceManager.cancelSlotRequest(id);
        }
        pendingSlotRequests.clear();
    }

    /**
     * Forgets the lost TaskManager and the slots the job held there. Requests the ResourceManager
     * had matched there but that were never offered are made again.
     */
    LostTaskManager taskManagerLost(String taskManagerId, Collection<AllocationID> allocationIds) {
        taskManagerHeartbeats.unmonitorTarget(taskManagerId);
        String address = taskManagerAddresses.remove(taskManagerId);
        for (AllocationID id : allocationIds) {
            SlotRequest pending = pendingSlotRequests.get(id);
            if (pending != null) {
                LOG.info(
                        "Slot request {} of job '{}' was matched on lost TaskManager {}; asking again",
                        id,
                        jobGraph.getName(),
                        taskManagerId);
                requestSlotFromResourceManager(pending);
            }
        }
        List<AssignedSlot> lost = new ArrayList<>();
        for (Iterator<AssignedSlot> it = acceptedSlots.values().iterator(); it.hasNext(); ) {
            AssignedSlot slot = it.next();
            if (slot.taskManagerId().equals(taskManagerId)) {
                lost.add(slot);
                it.remove();
            }
        }
        return new LostTaskManager(address, lost);
    }

    /** Puts the request an accepted (now lost) slot fulfilled back into the queue, under a new allocation. */
    void requestAgain(AssignedSlot lostSlot) {
        for (Map.Entry<String, AssignedSlot[]> group : slotsByGroup.entrySet()) {
            AssignedSlot[] slots = group.getValue();
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] == lostSlot) {
                    slots[i] = null;
                    AllocationID id = new AllocationID();
                    SlotRequest request = new SlotRequest(group.getKey(), i, id);
                    pendingSlotRequests.put(id, request);
                    requestSlotFromResourceManager(request);
                }
            }
        }
    }

    /** Drops waiting slot requests and frees every accepted slot; stops watching the TaskManagers. */
    void releaseSlots(String cause) {
        cancelPendingRequests();
        for (AssignedSlot slot : acceptedSlots.values()) {
            slot.taskExecutor().freeSlot(slot.allocationId(), cause).whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.debug(
                            "Could not free slot {} on TaskManager {}: {}",
                            slot.slotId(),
                            slot.taskManagerId(),
                            error.toString());
                }
            });
        }
        acceptedSlots.clear();
        for (String tm : taskManagerHeartbeats.getMonitoredTargets()) {
            taskManagerHeartbeats.unmonitorTarget(tm);
        }
        taskManagerAddresses.clear();
    }

    /** Forgets which slot serves which subtask, before a new attempt requests its slots. */
    void clearAssignments() {
        slotsByGroup.clear();
    }
}
