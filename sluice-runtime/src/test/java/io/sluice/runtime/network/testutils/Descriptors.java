package io.sluice.runtime.network.testutils;

import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.deployment.InputChannelDescriptor;
import io.sluice.runtime.deployment.InputGateDeploymentDescriptor;
import io.sluice.runtime.deployment.ProducerLocation;
import io.sluice.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.sluice.runtime.deployment.ResultPartitionID;
import io.sluice.runtime.jobgraph.IntermediateDataSetID;
import java.util.ArrayList;
import java.util.List;

/** Test-only builders for deployment descriptors with fixed, readable ids. */
public final class Descriptors {
    private Descriptors() {}

    public static ResultPartitionID partitionId(int dataSet, int producerSubtask) {
        return new ResultPartitionID(
                new IntermediateDataSetID(0, dataSet), producerSubtask, new ExecutionAttemptID(0, producerSubtask + 1));
    }

    public static ResultPartitionDeploymentDescriptor partition(ResultPartitionID id, int subpartitions) {
        return new ResultPartitionDeploymentDescriptor(id, subpartitions);
    }

    public static ProducerLocation on(String taskManagerId) {
        return new ProducerLocation(taskManagerId, "127.0.0.1", 0);
    }

    /** A gate reading subpartitions {@code subpartitions} of {@code id}, one channel each, all on {@code tm}. */
    public static InputGateDeploymentDescriptor gate(ResultPartitionID id, String tm, int... subpartitions) {
        List<InputChannelDescriptor> channels = new ArrayList<>();
        for (int subpartition : subpartitions) {
            channels.add(new InputChannelDescriptor(id, subpartition, on(tm)));
        }
        return new InputGateDeploymentDescriptor(id.dataSetId(), 0, channels);
    }
}
