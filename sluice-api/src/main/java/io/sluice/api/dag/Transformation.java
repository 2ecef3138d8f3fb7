package io.sluice.api.dag;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeinfo.TypeInformation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One step of a program as the DataStream API records it: what to compute, not how to run it.
 * {@code execute()} turns the transformations reachable from the sinks into a stream graph.
 * Transformations are built and mutated on the program's thread only.
 */
public abstract class Transformation<T> {
    private static final AtomicInteger ID_COUNTER = new AtomicInteger();

    private final int id;
    private String name;
    private String uid;
    private TypeInformation<T> outputType;
    private int parallelism;
    private boolean parallelismConfigured;
    private int maxParallelism = ExecutionConfig.PARALLELISM_DEFAULT;
    private String slotSharingGroup;
    private ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;
    private long bufferTimeout = -2;

    protected Transformation(String name, TypeInformation<T> outputType, int parallelism) {
        this.id = ID_COUNTER.incrementAndGet();
        this.name = name;
        this.outputType = outputType;
        this.parallelism = parallelism;
    }

    /** Unique within the JVM; orders transformations by creation. */
    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public TypeInformation<T> getOutputType() {
        return outputType;
    }

    public void setOutputType(TypeInformation<T> outputType) {
        this.outputType = outputType;
    }

    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException(
                    "The parallelism of '" + name + "' must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
        this.parallelismConfigured = true;
    }

    /** True if the user set the parallelism of this operator explicitly. */
    public boolean isParallelismConfigured() {
        return parallelismConfigured;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
            throw new IllegalArgumentException(
                    "The max parallelism of '" + name + "' must be in [1, 32768], was " + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
    }

    /** Null means "inherit from the inputs" (or "default" for sources). */
    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    public void setSlotSharingGroup(String slotSharingGroup) {
        this.slotSharingGroup = slotSharingGroup;
    }

    public ChainingStrategy getChainingStrategy() {
        return chainingStrategy;
    }

    public void setChainingStrategy(ChainingStrategy chainingStrategy) {
        this.chainingStrategy = chainingStrategy;
    }

    /** -2 means "the environment's default"; -1 flush only when full; 0 flush every record. */
    public long getBufferTimeout() {
        return bufferTimeout;
    }

    public void setBufferTimeout(long bufferTimeout) {
        if (bufferTimeout < -1) {
            throw new IllegalArgumentException("The buffer timeout must be -1, 0 or positive, was " + bufferTimeout);
        }
        this.bufferTimeout = bufferTimeout;
    }

    /** The direct inputs of this transformation. */
    public abstract List<Transformation<?>> getInputs();

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "', parallelism=" + parallelism + "}";
    }
}
