package io.sluice.runtime.configuration;

import io.sluice.api.configuration.ConfigOption;
import io.sluice.api.configuration.ConfigOptions;
import io.sluice.api.configuration.Configuration;
import io.sluice.api.configuration.MemorySize;
import io.sluice.runtime.network.NetworkConfig;

/** Options of a TaskManager: addresses, slots and the network buffer pool. Constants and one conversion. */
public final class TaskManagerOptions {
    private TaskManagerOptions() {}

    public static final ConfigOption<Integer> NUM_TASK_SLOTS = ConfigOptions.key("taskmanager.numberOfTaskSlots")
            .intType()
            .defaultValue(1)
            .withDescription("Number of slots a TaskManager offers; each slot runs one parallel pipeline of a job.");

    public static final ConfigOption<String> HOST = ConfigOptions.key("taskmanager.host")
            .stringType()
            .noDefaultValue()
            .withDescription("Address other processes use to reach this TaskManager (RPC and data);"
                    + " unset means the address of the interface that connects to the JobManager.");

    public static final ConfigOption<String> RESOURCE_ID = ConfigOptions.key("taskmanager.resource-id")
            .stringType()
            .noDefaultValue()
            .withDescription("The TaskManager's id in the cluster, shown in logs, errors and the REST API;"
                    + " unset means host:port-xxxxxx from its RPC address and a random suffix.");

    public static final ConfigOption<Integer> RPC_PORT = ConfigOptions.key("taskmanager.rpc.port")
            .intType()
            .defaultValue(0)
            .withDescription("Port of the TaskManager's RPC endpoint; 0 picks a free port, so several"
                    + " TaskManagers can run on one host.");

    public static final ConfigOption<Integer> DATA_PORT = ConfigOptions.key("taskmanager.data.port")
            .intType()
            .defaultValue(0)
            .withDescription("Port of the TaskManager's data plane (record exchange between TaskManagers);"
                    + " 0 picks a free port.");

    public static final ConfigOption<MemorySize> MEMORY_SEGMENT_SIZE = ConfigOptions.key(
                    "taskmanager.memory.segment-size")
            .memoryType()
            .defaultValue(MemorySize.parse("32kb"))
            .withDescription("Size of one network buffer.");

    public static final ConfigOption<Integer> NETWORK_NUM_BUFFERS = ConfigOptions.key(
                    "taskmanager.network.numberOfBuffers")
            .intType()
            .defaultValue(2048)
            .withDescription("Number of network buffers in a TaskManager's pool.");

    public static final ConfigOption<Integer> NETWORK_BUFFERS_PER_CHANNEL = ConfigOptions.key(
                    "taskmanager.network.memory.buffers-per-channel")
            .intType()
            .defaultValue(2)
            .withDescription("Exclusive buffers of each input channel and outgoing subpartition (its credit).");

    public static final ConfigOption<Integer> NETWORK_FLOATING_BUFFERS_PER_GATE = ConfigOptions.key(
                    "taskmanager.network.memory.floating-buffers-per-gate")
            .intType()
            .defaultValue(8)
            .withDescription("Extra buffers an input gate lends to its busiest channels.");

    /**
     * The network sizes and data server address configured in {@code config} (the data server binds
     * to {@code taskmanager.host}, 127.0.0.1 when unset); fails naming the key when a value is out of
     * range.
     */
    public static NetworkConfig networkConfig(Configuration config) {
        long segment = config.get(MEMORY_SEGMENT_SIZE).bytes();
        if (segment < 1 || segment > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Configuration key '" + MEMORY_SEGMENT_SIZE.key()
                    + "' must be between 1 byte and 2 GiB, was " + segment + " bytes");
        }
        String host = config.get(HOST);
        return new NetworkConfig(
                        (int) segment,
                        positive(config, NETWORK_NUM_BUFFERS),
                        positive(config, NETWORK_BUFFERS_PER_CHANNEL),
                        nonNegative(config, NETWORK_FLOATING_BUFFERS_PER_GATE))
                .withDataServer(
                        host == null || host.isBlank() ? NetworkConfig.DEFAULT_DATA_BIND_HOST : host,
                        config.get(DATA_PORT));
    }

    private static int positive(Configuration config, ConfigOption<Integer> option) {
        int v = config.get(option);
        if (v < 1) {
            throw new IllegalArgumentException("Configuration key '" + option.key() + "' must be at least 1, was " + v);
        }
        return v;
    }

    private static int nonNegative(Configuration config, ConfigOption<Integer> option) {
        int v = config.get(option);
        if (v < 0) {
            throw new IllegalArgumentException(
                    "Configuration key '" + option.key() + "' must not be negative, was " + v);
        }
        return v;
    }
}
