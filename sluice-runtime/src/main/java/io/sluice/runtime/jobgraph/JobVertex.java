package io.sluice.runtime.jobgraph;

import io.sluice.runtime.operators.coordination.OperatorCoordinator;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.util.SerializedValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One task of the job: a chain of operators run by one thread per parallel subtask.
 * {@code taskConfiguration} is opaque to the cluster components: it is handed to each subtask
 * unchanged and read by the task (it describes the operator chain).
 */
public final class JobVertex implements Serializable {
    private static final long serialVersionUID = 1L;

    private final JobVertexID id;
    private final String name;
    private final int parallelism;
    private final int maxParallelism;
    private final String slotSharingGroup;
    private final byte[] taskConfiguration;
    private final List<JobEdge> inputs = new ArrayList<>();
    private final List<IntermediateDataSetID> producedDataSets = new ArrayList<>();
    private final List<SerializedValue<OperatorCoordinator.Provider>> coordinators = new ArrayList<>();
    private final boolean isSource;
    /** The operators of the chain, head first, with their names (checkpoint state is kept by operator). */
    private final LinkedHashMap<OperatorID, String> operators = new LinkedHashMap<>();

    public JobVertex(
            JobVertexID id,
            String name,
            int parallelism,
            int maxParallelism,
            String slotSharingGroup,
            byte[] taskConfiguration,
            boolean isSource) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism of '" + name + "' must be at least 1, was " + parallelism);
        }
        this.id = id;
        this.name = name;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.slotSharingGroup = slotSharingGroup;
        this.taskConfiguration = taskConfiguration;
        this.isSource = isSource;
    }

    public JobVertexID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getParallelism() {
        return parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    public byte[] getTaskConfiguration() {
        return taskConfiguration;
    }

    /** The chain's operators, head first, and their names; filled by the JobGraph generator. */
    public Map<OperatorID, String> getOperators() {
        return operators;
    }

    public boolean isSource() {
        return isSource;
    }

    /** Inputs in channel order: the task's input gates are created in this order. */
    public List<JobEdge> getInputs() {
        return inputs;
    }

    /** Produced data sets in output order: the task's result partitions are created in this order. */
    public List<IntermediateDataSetID> getProducedDataSets() {
        return producedDataSets;
    }

    public List<SerializedValue<OperatorCoordinator.Provider>> getOperatorCoordinators() {
        return coordinators;
    }

    @Override
    public String toString() {
        return name + " (" + id + ", parallelism " + parallelism + ")";
    }
}
