package io.sluice.runtime.executiongraph;

import io.sluice.runtime.deployment.ProducerLocation;
import io.sluice.runtime.resourcemanager.AllocationID;
import io.sluice.runtime.resourcemanager.SlotID;
import io.sluice.runtime.taskexecutor.TaskExecutorGateway;

/** A slot a JobMaster accepted: where subtasks placed in it run and how to reach its TaskExecutor. */
public record AssignedSlot(
        AllocationID allocationId, SlotID slotId, ProducerLocation location, TaskExecutorGateway taskExecutor) {
    public String taskManagerId() {
        return slotId.taskManagerId();
    }
}
