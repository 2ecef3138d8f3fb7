package io.sluice.runtime.resourcemanager;

import io.sluice.api.common.JobID;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The ResourceManager as TaskExecutors and JobMasters see it. Every method is non-blocking,
 * runs on the ResourceManager's main thread, and takes only serializable arguments.
 */
public interface ResourceManagerGateway {
    /** Adds a TaskExecutor and its slots (all free) to the registry; fails if the id is taken. */
    CompletableFuture<Void> registerTaskExecutor(TaskExecutorRegistration registration);

    /** Removes a TaskExecutor that shuts down; its slots are gone. */
    CompletableFuture<Void> unregisterTaskExecutor(String taskManagerId);

    /**
     * Asks for one slot for {@code jobId}. Completes when the request is accepted (not when it is
     * fulfilled): a free slot's TaskExecutor is told to offer it to the JobMaster at
     * {@code jobMasterAddress}; with no free slot the request waits until one frees or registers.
     */
    CompletableFuture<Void> requestSlot(JobID jobId, AllocationID allocationId, String jobMasterAddress);

    /** Drops a waiting request; a request already matched ends with the JobMaster rejecting the offer. */
    CompletableFuture<Void> cancelSlotRequest(AllocationID allocationId);

    /** A TaskExecutor's slot that held {@code allocationId} is free again. */
    CompletableFuture<Void> notifySlotAvailable(SlotID slotId, AllocationID allocationId);

    CompletableFuture<ClusterOverview> getClusterOverview();

    /** Every registered TaskExecutor with its slots, in registration order. */
    CompletableFuture<List<TaskManagerInfo>> requestTaskManagerInfos();

    /** The metrics of a registered TaskManager; fails with {@link UnknownTaskManagerException} for an unknown id. */
    CompletableFuture<Map<String, Long>> requestTaskManagerMetrics(String taskManagerId);
}
