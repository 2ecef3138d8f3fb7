package io.sluice.runtime.network.partition;

import io.sluice.runtime.deployment.ResultPartitionID;
import java.io.IOException;

/** A consumer asked for a partition that is not registered (yet, or any more) on the producer's TaskManager. */
public final class PartitionNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    private final ResultPartitionID partitionId;

    public PartitionNotFoundException(ResultPartitionID partitionId, String message) {
        super(message);
        this.partitionId = partitionId;
    }

    public ResultPartitionID getPartitionId() {
        return partitionId;
    }
}
