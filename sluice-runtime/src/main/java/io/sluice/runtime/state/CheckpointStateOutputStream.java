package io.sluice.runtime.state;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where the asynchronous part of a snapshot writes. {@link #closeAndGetHandle()} ends the stream
 * and returns the handle to what was written; {@link #close()} without it discards everything.
 * Not thread-safe: one writer.
 */
public abstract class CheckpointStateOutputStream extends OutputStream {
    /** The number of bytes written so far: the offset the next byte gets. */
    public abstract long getPos() throws IOException;

    public abstract StreamStateHandle closeAndGetHandle() throws IOException;
}
