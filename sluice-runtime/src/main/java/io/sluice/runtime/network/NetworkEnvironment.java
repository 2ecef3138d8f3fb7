package io.sluice.runtime.network;

import io.sluice.runtime.deployment.InputGateDeploymentDescriptor;
import io.sluice.runtime.deployment.ResultPartitionDeploymentDescriptor;

/**
 * The data plane of one TaskManager: its bounded buffer pool, the result partitions its tasks
 * produce and the input gates they read. PLACEHOLDER: the network work replaces this file.
 */
public final class NetworkEnvironment implements AutoCloseable {
    public NetworkEnvironment(NetworkConfig config, String taskManagerId) {}

    @Override
    public void close() {}

    /** Type of what createResultPartition returns; replaced by the real class. */
    public Object createResultPartition(ResultPartitionDeploymentDescriptor descriptor, String ownerTaskName) {
        throw new UnsupportedOperationException("network: not yet implemented");
    }

    /** Type of what createInputGate returns; replaced by the real class. */
    public Object createInputGate(InputGateDeploymentDescriptor descriptor, String ownerTaskName) {
        throw new UnsupportedOperationException("network: not yet implemented");
    }
}
