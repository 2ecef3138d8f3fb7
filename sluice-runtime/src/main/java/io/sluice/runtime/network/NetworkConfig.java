package io.sluice.runtime.network;

/**
 * Sizes and timeouts of the data plane of one TaskManager.
 *
 * @param bufferSize bytes per network buffer (default 32 KiB)
 * @param totalBuffers buffers in the TaskManager's pool (default 2048 = 64 MiB); the data plane
 *     never uses more memory than {@code totalBuffers * bufferSize}
 * @param buffersPerChannel buffers each outgoing subpartition / incoming channel may hold (credit)
 * @param floatingBuffersPerGate extra buffers an input gate (or result partition) may lend to its
 *     busiest channels
 * @param partitionRequestTimeoutMillis how long a consumer channel retries when its producer's
 *     partition is not registered yet (default 10 s)
 * @param partitionRequestInitialBackoffMillis first retry delay, doubled per retry (default 10 ms)
 * @param partitionRequestMaxBackoffMillis largest retry delay (default 200 ms)
 * @param dataBindHost address the TaskManager's data server (Netty) binds to (default 127.0.0.1)
 * @param dataPort port of the data server; 0 picks a free one (default)
 * @param nettyThreads event-loop threads serving all data connections of the TaskManager (default 1)
 */
public record NetworkConfig(
        int bufferSize,
        int totalBuffers,
        int buffersPerChannel,
        int floatingBuffersPerGate,
        long partitionRequestTimeoutMillis,
        long partitionRequestInitialBackoffMillis,
        long partitionRequestMaxBackoffMillis,
        String dataBindHost,
        int dataPort,
        int nettyThreads) {

    public static final String DEFAULT_DATA_BIND_HOST = "127.0.0.1";
    /** {@link #dataPort()} of a TaskManager without a data server (all its consumers are in its JVM). */
    public static final int NO_DATA_SERVER = -1;

    public static final int DEFAULT_NETTY_THREADS = 1;
    public static final long DEFAULT_PARTITION_REQUEST_TIMEOUT_MILLIS = 10_000;
    public static final long DEFAULT_PARTITION_REQUEST_INITIAL_BACKOFF_MILLIS = 10;
    public static final long DEFAULT_PARTITION_REQUEST_MAX_BACKOFF_MILLIS = 200;

    public NetworkConfig {
        if (bufferSize < 16 || totalBuffers < 1 || buffersPerChannel < 1 || floatingBuffersPerGate < 0) {
            throw new IllegalArgumentException(
                    "Invalid network config: bufferSize " + bufferSize + " (>= 16), totalBuffers "
                            + totalBuffers + " (>= 1), buffersPerChannel " + buffersPerChannel
                            + " (>= 1), floatingBuffersPerGate "
                            + floatingBuffersPerGate + " (>= 0)");
        }
        if (partitionRequestTimeoutMillis < 0
                || partitionRequestInitialBackoffMillis < 1
                || partitionRequestMaxBackoffMillis < partitionRequestInitialBackoffMillis) {
            throw new IllegalArgumentException("Invalid partition request timing: timeout "
                    + partitionRequestTimeoutMillis
                    + " ms (>= 0), initial backoff " + partitionRequestInitialBackoffMillis + " ms (>= 1), max backoff "
                    + partitionRequestMaxBackoffMillis + " ms (>= initial)");
        }
        if (dataBindHost == null
                || dataBindHost.isBlank()
                || dataPort < NO_DATA_SERVER
                || dataPort > 65535
                || nettyThreads < 1) {
            throw new IllegalArgumentException("Invalid data server config: bind host '" + dataBindHost
                    + "' (not blank), port " + dataPort
                    + " (0..65535, 0 = any free port, -1 = no server), netty threads "
                    + nettyThreads + " (>= 1)");
        }
    }

    /** Sizes and timing; the data server on 127.0.0.1, a free port, one event-loop thread. */
    public NetworkConfig(
            int bufferSize,
            int totalBuffers,
            int buffersPerChannel,
            int floatingBuffersPerGate,
            long partitionRequestTimeoutMillis,
            long partitionRequestInitialBackoffMillis,
            long partitionRequestMaxBackoffMillis) {
        this(
                bufferSize,
                totalBuffers,
                buffersPerChannel,
                floatingBuffersPerGate,
                partitionRequestTimeoutMillis,
                partitionRequestInitialBackoffMillis,
                partitionRequestMaxBackoffMillis,
                DEFAULT_DATA_BIND_HOST,
                0,
                DEFAULT_NETTY_THREADS);
    }

    /** Sizes only; default partition request timing. */
    public NetworkConfig(int bufferSize, int totalBuffers, int buffersPerChannel, int floatingBuffersPerGate) {
        this(
                bufferSize,
                totalBuffers,
                buffersPerChannel,
                floatingBuffersPerGate,
                DEFAULT_PARTITION_REQUEST_TIMEOUT_MILLIS,
                DEFAULT_PARTITION_REQUEST_INITIAL_BACKOFF_MILLIS,
                DEFAULT_PARTITION_REQUEST_MAX_BACKOFF_MILLIS);
    }

    public static NetworkConfig defaults() {
        return new NetworkConfig(32 * 1024, 2048, 2, 8);
    }

    /** This config with another partition request timeout. */
    public NetworkConfig withPartitionRequestTimeoutMillis(long timeoutMillis) {
        return new NetworkConfig(
                bufferSize,
                totalBuffers,
                buffersPerChannel,
                floatingBuffersPerGate,
                timeoutMillis,
                partitionRequestInitialBackoffMillis,
                partitionRequestMaxBackoffMillis,
                dataBindHost,
                dataPort,
                nettyThreads);
    }

    /** This config with the data server bound to {@code host:port} (port 0 = any free port). */
    public NetworkConfig withDataServer(String host, int port) {
        return new NetworkConfig(
                bufferSize,
                totalBuffers,
                buffersPerChannel,
                floatingBuffersPerGate,
                partitionRequestTimeoutMillis,
                partitionRequestInitialBackoffMillis,
                partitionRequestMaxBackoffMillis,
                host,
                port,
                nettyThreads);
    }

    /**
     * This config without a data server: for the TaskManagers of an embedded cluster, whose
     * consumers all read through local channels. Saves the server's thread, port and start-up time.
     */
    public NetworkConfig withoutDataServer() {
        return withDataServer(dataBindHost, NO_DATA_SERVER);
    }

    public boolean hasDataServer() {
        return dataPort != NO_DATA_SERVER;
    }

    /** Most buffers a partition with {@code numberOfSubpartitions} subpartitions may have out at once. */
    public int maxBuffersPerPartition(int numberOfSubpartitions) {
        return numberOfSubpartitions * buffersPerChannel + floatingBuffersPerGate;
    }

    /** Buffers reserved for such a partition: one being filled per subpartition plus one in flight. */
    public int minBuffersPerPartition(int numberOfSubpartitions) {
        return Math.min(numberOfSubpartitions + 1, maxBuffersPerPartition(numberOfSubpartitions));
    }
}
