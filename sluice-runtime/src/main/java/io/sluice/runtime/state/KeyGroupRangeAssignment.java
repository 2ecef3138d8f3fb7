package io.sluice.runtime.state;

/**
 * Maps keys to key groups and key groups to parallel operator instances, the rule that keyed
 * state and {@code keyBy} routing must agree on.
 *
 * <ul>
 *   <li>key → key group: {@code murmur(key.hashCode()) % maxParallelism}; enums hash by
 *       {@code name()} so the result is the same on every JVM.
 *   <li>key group → operator index: {@code keyGroup * parallelism / maxParallelism}, which gives
 *       every operator a contiguous range ({@link #computeKeyGroupRangeForOperatorIndex}).
 * </ul>
 *
 * <p>Stateless and thread-safe. The mapping is part of the savepoint format: changing it makes old
 * savepoints unreadable.
 */
public final class KeyGroupRangeAssignment {
    /** Default max parallelism when a job does not set one. */
    public static final int DEFAULT_LOWER_BOUND_MAX_PARALLELISM = 128;

    /** Largest supported max parallelism (key groups are stored as 2 bytes in some formats). */
    public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

    private KeyGroupRangeAssignment() {}

    /** The operator index, in {@code [0, parallelism)}, that owns {@code key}. */
    public static int assignKeyToParallelOperator(Object key, int maxParallelism, int parallelism) {
        return computeOperatorIndexForKeyGroup(maxParallelism, parallelism, assignToKeyGroup(key, maxParallelism));
    }

    /** The key group, in {@code [0, maxParallelism)}, of {@code key}. */
    public static int assignToKeyGroup(Object key, int maxParallelism) {
        if (key == null) {
            throw new NullPointerException("Key must not be null: a keyBy key selector returned null;"
                    + " return a non-null key for every record (e.g. map null to a sentinel value)");
        }
        int hash = key instanceof Enum<?> e ? e.name().hashCode() : key.hashCode();
        return computeKeyGroupForKeyHash(hash, maxParallelism);
    }

    /** The key group of a key whose {@code hashCode()} is {@code keyHash}. */
    public static int computeKeyGroupForKeyHash(int keyHash, int maxParallelism) {
        return murmurHash(keyHash) % maxParallelism;
    }

    /** The operator index that owns {@code keyGroup}. */
    public static int computeOperatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroup) {
        return (int) ((long) keyGroup * parallelism / maxParallelism);
    }

    /**
     * The key groups operator {@code operatorIndex} owns: exactly those {@code kg} with {@link
     * #computeOperatorIndexForKeyGroup} {@code == operatorIndex}, i.e. {@code [ceil(i * max / p),
     * ceil((i + 1) * max / p) - 1]}.
     */
    public static KeyGroupRange computeKeyGroupRangeForOperatorIndex(
            int maxParallelism, int parallelism, int operatorIndex) {
        checkParallelismPreconditions(parallelism, maxParallelism);
        if (operatorIndex < 0 || operatorIndex >= parallelism) {
            throw new IllegalArgumentException(
                    "Operator index " + operatorIndex + " is outside [0, " + parallelism + ")");
        }
        int start = ceilDiv((long) operatorIndex * maxParallelism, parallelism);
        int endExclusive = ceilDiv((long) (operatorIndex + 1) * maxParallelism, parallelism);
        return new KeyGroupRange(start, endExclusive - 1);
    }

    /** Checks {@code 1 <= maxParallelism <= UPPER_BOUND_MAX_PARALLELISM}. */
    public static void checkParallelismPreconditions(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException("Max parallelism " + maxParallelism + " is outside [1, "
                    + UPPER_BOUND_MAX_PARALLELISM + "]; set setMaxParallelism() to a value in that range");
        }
    }

    /** Checks the max parallelism and {@code 1 <= parallelism <= maxParallelism}. */
    public static void checkParallelismPreconditions(int parallelism, int maxParallelism) {
        checkParallelismPreconditions(maxParallelism);
        if (parallelism < 1 || parallelism > maxParallelism) {
            throw new IllegalArgumentException("Parallelism " + parallelism + " must be in [1, max parallelism "
                    + maxParallelism + "]: there would be subtasks without key groups;"
                    + " lower the parallelism or raise setMaxParallelism()");
        }
    }

    /**
     * Spreads a hash code over all 32 bits (murmur3's block mix followed by its 32-bit finalizer,
     * seed 0, one 4-byte block) and clears the sign bit, so similar hash codes (0, 1, 2, ...) land in
     * unrelated key groups.
     */
    static int murmurHash(int code) {
        int k = code * 0xCC9E2D51;
        k = Integer.rotateLeft(k, 15);
        k *= 0x1B873593;
        int h = Integer.rotateLeft(k, 13);
        h = h * 5 + 0xE6546B64;
        h ^= 4; // length in bytes
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h & Integer.MAX_VALUE;
    }

    private static int ceilDiv(long dividend, int divisor) {
        return (int) ((dividend + divisor - 1) / divisor);
    }
}
