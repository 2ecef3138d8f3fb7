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
 */
public record NetworkConfig(
        int bufferSize,
        int totalBuffers,
        int buffersPerChannel,
        int floatingBuffersPerGate,
        long partitionRequestTimeoutMillis,
        long partitionRequestInitialBackoffMillis,
        long partitionRequestMaxBackoffMillis) {

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
                partitionRequestMaxBackoffMillis);
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
