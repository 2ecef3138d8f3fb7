package io.sluice.runtime.network.partition;

/**
 * Told when a subpartition that was empty gets a buffer. Called on the producer's task thread,
 * without locks held: implementations must be cheap and must not block.
 */
@FunctionalInterface
public interface BufferAvailabilityListener {
    void notifyDataAvailable();
}
