package io.sluice.runtime.network;

/**
 * Sizes of the data plane of one TaskManager.
 *
 * @param bufferSize bytes per network buffer (default 32 KiB)
 * @param totalBuffers buffers in the TaskManager's pool (default 2048 = 64 MiB)
 * @param buffersPerChannel buffers each outgoing subpartition / incoming channel may hold (credit)
 * @param floatingBuffersPerGate extra buffers an input gate may lend to its busiest channels
 */
public record NetworkConfig(int bufferSize, int totalBuffers, int buffersPerChannel, int floatingBuffersPerGate) {
    public static NetworkConfig defaults() {
        return new NetworkConfig(32 * 1024, 2048, 2, 8);
    }
}
