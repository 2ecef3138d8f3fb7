package io.sluice.runtime.resourcemanager;

import io.sluice.api.common.JobID;
import io.sluice.runtime.deployment.ProducerLocation;
import java.io.Serializable;
import java.util.List;

/**
 * One registered TaskExecutor as the ResourceManager sees it: where it is, its slots and which
 * job holds each. A snapshot taken on the ResourceManager's main thread.
 *
 * @param address the TaskExecutor's gateway address in the RPC service
 * @param dataLocation where consumers fetch the partitions its tasks produce
 */
public record TaskManagerInfo(String taskManagerId, String address, ProducerLocation dataLocation, List<SlotInfo> slots)
        implements Serializable {

    /** One slot: its index, state and the job it is allocated to (null when free). */
    public record SlotInfo(int index, SlotState state, JobID jobId) implements Serializable {}

    public int numberOfSlots() {
        return slots.size();
    }

    public int freeSlots() {
        int free = 0;
        for (SlotInfo s : slots) {
            if (s.state() == SlotState.FREE) {
                free++;
            }
        }
        return free;
    }
}
