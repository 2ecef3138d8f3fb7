package io.sluice.runtime.resourcemanager;

import java.io.Serializable;

/** One slot of one TaskManager. */
public record SlotID(String taskManagerId, int slotIndex) implements Serializable {
    @Override
    public String toString() {
        return taskManagerId + "/" + slotIndex;
    }
}
