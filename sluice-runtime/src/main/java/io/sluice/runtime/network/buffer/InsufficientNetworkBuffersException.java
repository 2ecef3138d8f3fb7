package io.sluice.runtime.network.buffer;

/** Thrown when a buffer pool cannot be created because the TaskManager's network buffers are all reserved. */
public final class InsufficientNetworkBuffersException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InsufficientNetworkBuffersException(String message) {
        super(message);
    }
}
