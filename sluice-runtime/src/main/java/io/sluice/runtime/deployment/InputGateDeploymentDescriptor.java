package io.sluice.runtime.deployment;

import io.sluice.runtime.jobgraph.IntermediateDataSetID;
import java.io.Serializable;
import java.util.List;

/** One input gate (one job edge): its channels in channel-index order. */
public record InputGateDeploymentDescriptor(
        IntermediateDataSetID dataSetId, int inputIndex, List<InputChannelDescriptor> channels)
        implements Serializable {}
