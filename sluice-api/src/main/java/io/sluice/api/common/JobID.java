package io.sluice.api.common;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The 128-bit identity of a job, printed as 32 hex digits. */
public final class JobID implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final long upper;
    private final long lower;

    public JobID(long upper, long lower) {
        this.upper = upper;
        this.lower = lower;
    }

    public static JobID generate() {
        return new JobID(RANDOM.nextLong(), RANDOM.nextLong());
    }

    /** Parses 32 hex digits; throws IllegalArgumentException naming the input otherwise. */
    public static JobID fromHexString(String hex) {
        if (hex == null || hex.length() != 32) {
            throw new IllegalArgumentException("Not a job id (expected 32 hex digits): '" + hex + "'");
        }
        try {
            return new JobID(
                    Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a job id (expected 32 hex digits): '" + hex + "'");
        }
    }

    public String toHexString() {
        HexFormat f = HexFormat.of();
        return f.toHexDigits(upper) + f.toHexDigits(lower);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobID other && other.upper == upper && other.lower == lower;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(upper * 31 + lower);
    }

    @Override
    public String toString() {
        return toHexString();
    }
}
