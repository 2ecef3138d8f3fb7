package io.sluice.runtime.network;

import io.sluice.runtime.deployment.InputChannelDescriptor;
import io.sluice.runtime.deployment.InputGateDeploymentDescriptor;
import io.sluice.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.sluice.runtime.network.buffer.LocalBufferPool;
import io.sluice.runtime.network.buffer.NetworkBufferPool;
import io.sluice.runtime.network.netty.NettyConnectionManager;
import io.sluice.runtime.network.netty.NettyServer;
import io.sluice.runtime.network.netty.NettyTransport;
import io.sluice.runtime.network.netty.RemoteGateBuffers;
import io.sluice.runtime.network.netty.RemoteInputChannel;
import io.sluice.runtime.network.partition.ResultPartition;
import io.sluice.runtime.network.partition.ResultPartitionManager;
import io.sluice.runtime.network.partition.consumer.InputChannel;
import io.sluice.runtime.network.partition.consumer.LocalInputChannel;
import io.sluice.runtime.network.partition.consumer.SingleInputGate;
import java.net.InetSocketAddress;
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
 * LocalInputChannel}; anything else is a {@link RemoteInputChannel} connecting to the producer's
 * data address over Netty (one connection per producer address, credit-based flow control).
 *
 * <p>Owns a Netty data server (bound at construction to {@link NetworkConfig#dataBindHost()}:{@link
 * NetworkConfig#dataPort()}, see {@link #getDataAddress()}) with its event-loop threads, and one
 * daemon scheduler thread that retries local partition requests whose producer is not registered
 * yet. {@link #close()} stops Netty first (remote consumers see the connection close), then
 * releases every partition (local readers fail), stops the scheduler and frees the pool.
 */
public final class NetworkEnvironment implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkEnvironment.class);

    private final NetworkConfig config;
    private final String taskManagerId;
    private final LocalPartitionDirectory directory;
    private final NetworkBufferPool bufferPool;
    private final ResultPartitionManager partitionManager;
    private final ScheduledExecutorService scheduler;
    private final int maxFrameLength;
    /** Null until the first remote channel or the data server needs it. */
    private NettyTransport transport;
    /** Null without a data server ({@link NetworkConfig#hasDataServer()}). */
    private final NettyServer server;
    /** Null until the first remote channel. */
    private NettyConnectionManager connections;

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
        this.maxFrameLength = config.bufferSize() + 64 * 1024;
        if (config.hasDataServer()) {
            try {
                this.server = new NettyServer(
                        transport(), partitionManager, config.dataBindHost(), config.dataPort(), maxFrameLength);
            } catch (RuntimeException e) {
                transport.close();
                scheduler.shutdownNow();
                throw e;
            }
        } else {
            this.server = null;
        }
        directory.register(taskManagerId, partitionManager);
        LOG.info(
                "Network environment of TaskManager {}: {} buffers of {} bytes, {}",
                taskManagerId,
                config.totalBuffers(),
                config.bufferSize(),
                server == null
                        ? "no data server"
                        : "data server at " + server.getAddress() + " (" + (transport.isEpoll() ? "epoll" : "nio")
                                + ")");
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

    /** Where consumers on other TaskManagers reach this TaskManager's partitions; null without a data server. */
    public InetSocketAddress getDataAddress() {
        return server == null ? null : server.getAddress();
    }

    private synchronized NettyTransport transport() {
        if (transport == null) {
            transport = new NettyTransport(taskManagerId, config.nettyThreads());
        }
        return transport;
    }

    public NettyServer getNettyServer() {
        return server;
    }

    /** This TaskManager's data connections to producers on other TaskManagers (created on first use). */
    public synchronized NettyConnectionManager getConnectionManager() {
        if (connections == null) {
            connections = new NettyConnectionManager(transport(), maxFrameLength);
        }
        return connections;
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
     * from the task before reading. Local channels read the producer's buffers, so they need no
     * buffers of their own. Remote channels get a gate pool with every segment reserved now: {@code
     * buffersPerChannel} exclusive per remote channel plus {@code floatingBuffersPerGate} floating.
     *
     * @throws io.sluice.runtime.network.buffer.InsufficientNetworkBuffersException if the
     *     TaskManager's buffers cannot cover the remote channels
     * @throws IllegalArgumentException if a producer outside this JVM has no data port
     */
    public SingleInputGate createInputGate(InputGateDeploymentDescriptor descriptor, String ownerTaskName) {
        checkNotClosed(ownerTaskName);
        List<InputChannelDescriptor> descriptors = descriptor.channels();
        SingleInputGate gate = new SingleInputGate(ownerTaskName, descriptor.inputIndex(), descriptors.size());
        InputChannel[] channels = new InputChannel[descriptors.size()];
        ResultPartitionManager[] localProducers = new ResultPartitionManager[channels.length];
        int remoteChannels = 0;
        for (int i = 0; i < channels.length; i++) {
            InputChannelDescriptor channel = descriptors.get(i);
            String producerTm = channel.location().taskManagerId();
            localProducers[i] = producerTm.equals(taskManagerId) ? partitionManager : directory.lookup(producerTm);
            if (localProducers[i] == null) {
                if (channel.location().dataPort() <= 0) {
                    throw new IllegalArgumentException("Input channel " + i + " of input " + descriptor.inputIndex()
                            + " of task " + ownerTaskName + " reads partition " + channel.partitionId()
                            + " from TaskManager " + producerTm + " at "
                            + channel.location().host() + ":"
                            + channel.location().dataPort() + ", which is not in this JVM and has no data port:"
                            + " the deployment must carry the producer TaskManager's data address");
                }
                remoteChannels++;
            }
        }
        RemoteGateBuffers remoteBuffers = null;
        if (remoteChannels > 0) {
            int segments = remoteChannels * config.buffersPerChannel() + config.floatingBuffersPerGate();
            LocalBufferPool pool = bufferPool.createBufferPool(
                    "input " + descriptor.inputIndex() + " of task " + ownerTaskName, segments, segments);
            remoteBuffers = new RemoteGateBuffers(pool, remoteChannels, config.floatingBuffersPerGate());
        }
        for (int i = 0; i < channels.length; i++) {
            InputChannelDescriptor channel = descriptors.get(i);
            if (localProducers[i] != null) {
                channels[i] = new LocalInputChannel(
                        gate,
                        i,
                        channel.partitionId(),
                        channel.subpartitionIndex(),
                        localProducers[i],
                        scheduler,
                        config.partitionRequestTimeoutMillis(),
                        config.partitionRequestInitialBackoffMillis(),
                        config.partitionRequestMaxBackoffMillis());
            } else {
                channels[i] = new RemoteInputChannel(
                        gate,
                        i,
                        channel.partitionId(),
                        channel.subpartitionIndex(),
                        channel.location(),
                        getConnectionManager(),
                        remoteBuffers,
                        config.buffersPerChannel(),
                        config.partitionRequestTimeoutMillis(),
                        config.partitionRequestInitialBackoffMillis(),
                        config.partitionRequestMaxBackoffMillis());
            }
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
        synchronized (this) {
            if (connections != null) {
                connections.close();
            }
            if (server != null) {
                server.close();
            }
            if (transport != null) {
                transport.close();
            }
        }
        directory.unregister(taskManagerId, partitionManager);
        partitionManager.shutdown(new IllegalStateException("TaskManager " + taskManagerId + " shut down"));
        scheduler.shutdownNow();
        bufferPool.destroy();
        LOG.info("Network environment of TaskManager {} closed", taskManagerId);
    }
}
