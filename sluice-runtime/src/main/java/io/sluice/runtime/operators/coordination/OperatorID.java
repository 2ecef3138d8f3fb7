package io.sluice.runtime.operators.coordination;

import io.sluice.runtime.util.AbstractId;

/** Identity of one operator in a chain (derived from its uid when it has one). */
public final class OperatorID extends AbstractId {
    private static final long serialVersionUID = 1L;

    public OperatorID() {}

    public OperatorID(long upper, long lower) {
        super(upper, lower);
    }
}
