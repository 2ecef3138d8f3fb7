package io.sluice.runtime.deployment;

import java.io.Serializable;

/** One input channel: subpartition {@code subpartitionIndex} of {@code partitionId}, found at {@code location}. */
public record InputChannelDescriptor(ResultPartitionID partitionId, int subpartitionIndex, ProducerLocation location)
        implements Serializable {}
