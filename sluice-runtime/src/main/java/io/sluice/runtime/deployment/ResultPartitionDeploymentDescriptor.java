package io.sluice.runtime.deployment;

import java.io.Serializable;

/** A partition the task produces, with its number of subpartitions (one per consuming channel). */
public record ResultPartitionDeploymentDescriptor(ResultPartitionID partitionId, int numberOfSubpartitions)
        implements Serializable {}
