package io.sluice.runtime.taskexecutor;

import io.sluice.api.common.JobID;
import io.sluice.runtime.resourcemanager.AllocationID;
import java.io.Serializable;
import java.util.List;

/**
 * A TaskExecutor's answer to a heartbeat: who it is and which of its slots are allocated (to the
 * asking job only, when a JobMaster asks). The ResourceManager uses it to learn the allocations of a
 * TaskExecutor that registered again.
 */
public record TaskExecutorHeartbeatReport(String taskManagerId, List<AllocatedSlot> allocatedSlots)
        implements Serializable {

    /** One allocated slot: its index, allocation, job and the address of that job's JobMaster. */
    public record AllocatedSlot(int slotIndex, AllocationID allocationId, JobID jobId, String jobMasterAddress)
            implements Serializable {}
}
