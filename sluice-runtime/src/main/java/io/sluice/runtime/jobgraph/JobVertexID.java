package io.sluice.runtime.jobgraph;

import io.sluice.runtime.util.AbstractId;

/** Identity of a {@link JobVertex}. */
public final class JobVertexID extends AbstractId {
    private static final long serialVersionUID = 1L;

    public JobVertexID() {}

    public JobVertexID(long upper, long lower) {
        super(upper, lower);
    }
}
