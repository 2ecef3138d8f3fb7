package io.sluice.runtime.network;

import io.sluice.runtime.deployment.InputChannelDescriptor;
import io.sluice.runtime.deployment.InputGateDeploymentDescriptor;
import io.sluice.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.sluice.runtime.network.buffer.LocalBufferPool;
import io.sluice.runtime.network.buffer.NetworkBufferPool;
import io.sluice.runtime.network.partition.ResultPartition;
import io.sluice.runtime.network.partition.ResultPartitionManager;
import io.sluice.runtime.network.partition.consumer.InputChannel;
import io.sluice.runtime.network.partition.consumer.LocalInputChannel;
import io.sluice.runtime.network.partition.consumer.SingleInputGate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane of one TaskManager: its bounded buffer pool, the result partitions its tasks
 * produce and the input gates they read.
 *
 * <p>Tasks call {@link #createResultPartition} and {@link #createInputGate} while they are set up
 * (any task thread; thread-safe). A channel whose producer runs on this TaskManager, or on another
 * TaskManager registered in the same {@link LocalPartitionDirectory}, is a {@link
 * LocalInputChannel}; anything else would be a remote channel, which is not implemented yet.
 *
 * <p>Owns one daemon scheduler thread that retries partition requests whose producer is not
 * registered yet. {@link #close()} releases every partition (readers fail), stops the scheduler
 * and frees the pool.
 */
public final class NetworkEnvironment implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkEnvironment.class);

    private final NetworkConfig config;
    private final String taskManagerId;
    private final LocalPartitionDirectory directory;
    private final NetworkBufferPool bufferPool;
    private final ResultPartitionManager partitionManager;
    private final ScheduledExecutorService scheduler;
    private volatile boolean closed;

    /** A TaskManager alone in its JVM: local channels only to its own partitions. */
    public NetworkEnvironment(NetworkConfig config, String taskManagerId) {
        this(config, taskManagerId, new LocalPartitionDirectory());
    }

    /** A TaskManager of an embedded cluster: reaches the partitions of every TaskManager in {@code directory}. */
    public NetworkEnvironment(NetworkConfig config, String taskManagerId, LocalPartitionDirectory directory) {
        this.config = config;
        this.taskManagerId = taskManagerId;
        this.directory = directory;
        this.bufferPool = new NetworkBufferPool(config.totalBuffers(), config.bufferSize());
        this.partitionManager = new ResultPartitionManager(taskManagerId);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sluice-network-" + taskManagerId);
            thread.setDaemon(true);
            return thread;
        });
        directory.register(taskManagerId, partitionManager);
        LOG.info(
                "Network environment of TaskManager {}: {} buffers of {} bytes",
                taskManagerId,
                config.totalBuffers(),
                config.bufferSize());
    }

    public NetworkConfig getConfig() {
        return config;
    }

    public String getTaskManagerId() {
        return taskManagerId;
    }

    public NetworkBufferPool getNetworkBufferPool() {
        return bufferPool;
    }

    public ResultPartitionManager getPartitionManager() {
        return partitionManager;
    }

    /**
     * Creates and registers the partition a task produces, with a pool of at most {@code
     * numberOfSubpartitions * buffersPerChannel + floatingBuffersPerGate} buffers.
     *
     * @throws io.sluice.runtime.network.buffer.InsufficientNetworkBuffersException if the
     *     TaskManager's buffers are all reserved
     */
    public ResultPartition createResultPartition(ResultPartitionDeploymentDescriptor descriptor, String ownerTaskName) {
        checkNotClosed(ownerTaskName);
        int subpartitions = descriptor.numberOfSubpartitions();
        String owner = "partition " + descriptor.partitionId() + " of task " + ownerTaskName;
        LocalBufferPool pool = bufferPool.createBufferPool(
                owner, config.minBuffersPerPartition(subpartitions), config.maxBuffersPerPartition(subpartitions));
        ResultPartition partition =
                new ResultPartition(descriptor.partitionId(), ownerTaskName, subpartitions, pool, partitionManager);
        try {
            partitionManager.register(partition);
        } catch (RuntimeException e) {
            pool.lazyDestroy();
            throw e;
        }
        return partition;
    }

    /**
     * Creates the gate for one input edge of a task; call {@link SingleInputGate#requestPartitions()}
     * from the task before reading. Local channels read the producer's buffers, so the gate needs
     * no pool of its own; remote channels will add one (exclusive buffers per channel plus floating
     * buffers per gate, sized by {@link NetworkConfig}).
     *
     * @throws UnsupportedOperationException if a producer runs on a TaskManager outside this JVM
     */
    public SingleInputGate createInputGate(InputGateDeploymentDescriptor descriptor, String ownerTaskName) {
        checkNotClosed(ownerTaskName);
        List<InputChannelDescriptor> descriptors = descriptor.channels();
        SingleInputGate gate = new SingleInputGate(ownerTaskName, descriptor.inputIndex(), descriptors.size());
        InputChannel[] channels = new InputChannel[descriptors.size()];
        for (int i = 0; i < channels.length; i++) {
            InputChannelDescriptor channel = descriptors.get(i);
            String producerTm = channel.location().taskManagerId();
            ResultPartitionManager producerPartitions =
                    producerTm.equals(taskManagerId) ? partitionManager : directory.lookup(producerTm);
            if (producerPartitions == null) {
                throw new UnsupportedOperationException("Remote input channels are not supported yet: channel " + i
                        + " of input " + descriptor.inputIndex() + " of task " + ownerTaskName + " reads partition "
                        + channel.partitionId() + " from TaskManager " + producerTm + " at "
                        + channel.location().host() + ":" + channel.location().dataPort()
                        + ", which is not in this JVM; run the job on the embedded cluster (one JVM)");
            }
            channels[i] = new LocalInputChannel(
                    gate,
                    i,
                    channel.partitionId(),
                    channel.subpartitionIndex(),
                    producerPartitions,
                    scheduler,
                    config.partitionRequestTimeoutMillis(),
                    config.partitionRequestInitialBackoffMillis(),
                    config.partitionRequestMaxBackoffMillis());
        }
        gate.setChannels(channels);
        return gate;
    }

    private void checkNotClosed(String ownerTaskName) {
        if (closed) {
            throw new IllegalStateException("Network environment of TaskManager " + taskManagerId
                    + " is closed; cannot set up the network for task " + ownerTaskName);
        }
    }

    /** Releases all partitions (readers fail), stops retries, frees the buffer pool. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        directory.unregister(taskManagerId, partitionManager);
        partitionManager.shutdown(new IllegalStateException("TaskManager " + taskManagerId + " shut down"));
        scheduler.shutdownNow();
        bufferPool.destroy();
        LOG.info("Network environment of TaskManager {} closed", taskManagerId);
    }
}
