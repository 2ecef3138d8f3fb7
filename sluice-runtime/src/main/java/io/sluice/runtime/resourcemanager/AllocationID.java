package io.sluice.runtime.resourcemanager;

import io.sluice.runtime.util.AbstractId;

/** Identity of one slot request of a JobMaster, and of the slot allocation that fulfils it. */
public final class AllocationID extends AbstractId {
    private static final long serialVersionUID = 1L;

    public AllocationID() {}

    public AllocationID(long upper, long lower) {
        super(upper, lower);
    }
}
