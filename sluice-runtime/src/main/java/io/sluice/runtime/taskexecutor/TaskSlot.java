package io.sluice.runtime.taskexecutor;

import io.sluice.api.common.JobID;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.jobmaster.JobMasterGateway;
import io.sluice.runtime.resourcemanager.AllocationID;
import io.sluice.runtime.resourcemanager.SlotID;
import io.sluice.runtime.taskmanager.TaskHandle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One slot of a {@link TaskExecutor} and the tasks in it; owned by the TaskExecutor's main thread. */
final class TaskSlot {
    // Logs under the TaskExecutor's name: these are the TaskExecutor's messages.
    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);

    final SlotID id;
    TaskSlotState state = TaskSlotState.FREE;
    AllocationID allocationId;
    JobID jobId;
    String jobMasterAddress;
    JobMasterGateway jobMaster;
    final Map<ExecutionAttemptID, TaskHandle> tasks = new LinkedHashMap<>();

    TaskSlot(SlotID id) {
        this.id = id;
    }

    void transitionTo(TaskSlotState target) {
        if (!state.successors().contains(target)) {
            throw new IllegalStateException(
                    "Slot " + id + " cannot go from " + state + " to " + target + " (allocation " + allocationId + ")");
        }
        LOG.debug("Slot {} {} -> {} (allocation {}, job {})", id, state, target, allocationId, jobId);
        state = target;
    }
}
