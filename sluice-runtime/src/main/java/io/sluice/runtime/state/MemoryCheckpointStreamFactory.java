package io.sluice.runtime.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Keeps every snapshot stream in memory, as inline bytes: for tests and harnesses. */
public final class MemoryCheckpointStreamFactory implements CheckpointStreamFactory {
    @Override
    public CheckpointStateOutputStream createCheckpointStateOutputStream() {
        return new CheckpointStateOutputStream() {
            private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                checkOpen();
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                checkOpen();
                bytes.write(b, off, len);
            }

            @Override
            public long getPos() {
                return bytes.size();
            }

            @Override
            public StreamStateHandle closeAndGetHandle() throws IOException {
                checkOpen();
                closed = true;
                return new ByteStreamStateHandle("memory", bytes.toByteArray());
            }

            @Override
            public void close() {
                closed = true;
            }

            private void checkOpen() throws IOException {
                if (closed) {
                    throw new IOException("Checkpoint stream is closed");
                }
            }
        };
    }
}
