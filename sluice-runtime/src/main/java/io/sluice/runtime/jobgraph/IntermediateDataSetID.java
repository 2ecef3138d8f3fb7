package io.sluice.runtime.jobgraph;

import io.sluice.runtime.util.AbstractId;

/** Identity of the data set a job vertex produces for one consumer. */
public final class IntermediateDataSetID extends AbstractId {
    private static final long serialVersionUID = 1L;

    public IntermediateDataSetID() {}

    public IntermediateDataSetID(long upper, long lower) {
        super(upper, lower);
    }
}
