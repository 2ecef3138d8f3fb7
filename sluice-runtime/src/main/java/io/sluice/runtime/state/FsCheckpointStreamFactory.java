package io.sluice.runtime.state;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

/**
 * Streams into files of one checkpoint's directory ({@code <dir>/<jobId>/chk-N/}). A stream
 * stays in memory until it passes {@code fileStateThreshold} bytes; a smaller one ends as inline
 * bytes ({@link ByteStreamStateHandle}), so small state costs no file.
 */
public final class FsCheckpointStreamFactory implements CheckpointStreamFactory {
    private final Path directory;
    private final int fileStateThreshold;
    private final String namePrefix;

    /**
     * @param directory the checkpoint's directory; created on the first file
     * @param fileStateThreshold streams up to this many bytes stay inline
     * @param namePrefix the start of file names (the task, for people reading the directory)
     */
    public FsCheckpointStreamFactory(Path directory, int fileStateThreshold, String namePrefix) {
        this.directory = directory;
        this.fileStateThreshold = fileStateThreshold;
        this.namePrefix = namePrefix.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    @Override
    public CheckpointStateOutputStream createCheckpointStateOutputStream() {
        return new FsStream();
    }

    private final class FsStream extends CheckpointStateOutputStream {
        private ByteArrayOutputStream memory = new ByteArrayOutputStream(Math.min(fileStateThreshold + 1, 4096));
        private OutputStream file;
        private Path path;
        private long pos;
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("Checkpoint stream is closed");
            }
            if (file == null && memory.size() + len > fileStateThreshold) {
                Files.createDirectories(directory);
                path = directory.resolve(namePrefix + "-" + UUID.randomUUID());
                file = new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024);
                memory.writeTo(file);
                memory = null;
            }
            if (file != null) {
                file.write(b, off, len);
            } else {
                memory.write(b, off, len);
            }
            pos += len;
        }

        @Override
        public long getPos() {
            return pos;
        }

        @Override
        public StreamStateHandle closeAndGetHandle() throws IOException {
            if (closed) {
                throw new IOException("Checkpoint stream is closed");
            }
            closed = true;
            if (file == null) {
                byte[] bytes = memory.toByteArray();
                return new ByteStreamStateHandle(namePrefix, Arrays.copyOf(bytes, bytes.length));
            }
            file.close();
            return new FileStateHandle(path.toString(), pos);
        }

        /** Without {@link #closeAndGetHandle()}: the snapshot failed or was cancelled, the file goes. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (file != null) {
                file.close();
                Files.deleteIfExists(path);
            }
        }
    }
}
