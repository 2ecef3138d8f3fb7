package io.sluice.runtime.network.buffer;

/** Takes back a {@link Buffer} once its reader is done with it. Called from the consumer's thread. */
@FunctionalInterface
public interface BufferRecycler {
    void recycle(Buffer buffer);

    /** For unpooled buffers (events): the garbage collector takes them back. */
    BufferRecycler NONE = buffer -> {};
}
