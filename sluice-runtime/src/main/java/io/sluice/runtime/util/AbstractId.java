package io.sluice.runtime.util;

import java.io.Serializable;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** A 128-bit random id printed as 32 hex digits; base of the runtime's id types. */
public abstract class AbstractId implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long upper;
    private final long lower;

    protected AbstractId() {
        this(ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
    }

    protected AbstractId(long upper, long lower) {
        this.upper = upper;
        this.lower = lower;
    }

    public long upper() {
        return upper;
    }

    public long lower() {
        return lower;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null
                && o.getClass() == getClass()
                && ((AbstractId) o).upper == upper
                && ((AbstractId) o).lower == lower;
    }

    @Override
    public final int hashCode() {
        return Long.hashCode(upper * 31 + lower);
    }

    @Override
    public String toString() {
        HexFormat f = HexFormat.of();
        return f.toHexDigits(upper) + f.toHexDigits(lower);
    }
}
