package io.sluice.runtime.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Snapshot bytes in a file that every process of the cluster can read. */
public record FileStateHandle(String path, long size) implements StreamStateHandle {
    public Path filePath() {
        return Path.of(path);
    }

    @Override
    public InputStream openInputStream() throws IOException {
        try {
            return Files.newInputStream(filePath());
        } catch (NoSuchFileException e) {
            throw new IOException("Checkpoint state file " + path + " does not exist (" + size + " bytes expected)", e);
        }
    }

    @Override
    public long getStateSize() {
        return size;
    }

    @Override
    public void discardState() throws IOException {
        Files.deleteIfExists(filePath());
    }

    @Override
    public String describe() {
        return "file " + path;
    }
}
