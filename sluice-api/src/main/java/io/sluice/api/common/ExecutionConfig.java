package io.sluice.api.common;

import java.io.Serializable;

/**
 * Per-job settings that reach every task: object reuse, the generic-type policy and the
 * parallelism defaults. Obtained through {@code env.getConfig()}.
 */
public class ExecutionConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Parallelism value meaning "use the environment's default". */
    public static final int PARALLELISM_DEFAULT = -1;

    private boolean objectReuse;
    private boolean genericTypes = true;
    private int parallelism = PARALLELISM_DEFAULT;
    private int maxParallelism = 128;
    private long autoWatermarkInterval = 200;

    /**
     * Lets the runtime pass the same object to chained functions and reuse deserialization
     * targets. Faster, but a function must then not keep references to its input objects.
     */
    public ExecutionConfig enableObjectReuse() {
        objectReuse = true;
        return this;
    }

    public ExecutionConfig disableObjectReuse() {
        objectReuse = false;
        return this;
    }

    public boolean isObjectReuseEnabled() {
        return objectReuse;
    }

    /**
     * Forbids the generic (Fory) fallback serializer: a type Sluice cannot analyse then fails the
     * job at submission with a message naming the type, instead of being serialized generically.
     */
    public void disableGenericTypes() {
        genericTypes = false;
    }

    public void enableGenericTypes() {
        genericTypes = true;
    }

    public boolean hasGenericTypesDisabled() {
        return !genericTypes;
    }

    public int getParallelism() {
        return parallelism;
    }

    public ExecutionConfig setParallelism(int parallelism) {
        if (parallelism < 1 && parallelism != PARALLELISM_DEFAULT) {
            throw new IllegalArgumentException("Parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
        return this;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public ExecutionConfig setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
            throw new IllegalArgumentException("Max parallelism must be in [1, 32768], was " + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
        return this;
    }

    public long getAutoWatermarkInterval() {
        return autoWatermarkInterval;
    }

    public ExecutionConfig setAutoWatermarkInterval(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("The auto watermark interval must not be negative, was " + millis);
        }
        this.autoWatermarkInterval = millis;
        return this;
    }
}
