package io.sluice.runtime.jobmaster;

import io.sluice.runtime.resourcemanager.AllocationID;
import io.sluice.runtime.resourcemanager.SlotID;
import java.io.Serializable;

/** A slot a TaskExecutor offers a JobMaster for the slot request {@code allocationId}. */
public record SlotOffer(AllocationID allocationId, SlotID slotId) implements Serializable {}
