package io.sluice.runtime.deployment;

import io.sluice.runtime.jobgraph.IntermediateDataSetID;
import java.io.Serializable;

/** The partition one producer attempt writes for one data set. */
public record ResultPartitionID(
        IntermediateDataSetID dataSetId, int producerSubtask, ExecutionAttemptID producerAttempt)
        implements Serializable {
    @Override
    public String toString() {
        return dataSetId + "#" + producerSubtask + "@" + producerAttempt;
    }
}
