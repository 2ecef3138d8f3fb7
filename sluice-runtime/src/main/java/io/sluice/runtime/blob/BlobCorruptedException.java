package io.sluice.runtime.blob;

import java.io.IOException;
import java.nio.file.Path;

/** A stored or downloaded blob's content does not hash to its key; it is never served. */
public final class BlobCorruptedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final BlobKey key;

    public BlobCorruptedException(BlobKey key, Path file, String actualSha256) {
        super("Blob " + key + " is corrupted: " + file + " has SHA-256 " + actualSha256
                + "; it will not be served, upload the jar again");
        this.key = key;
    }

    public BlobCorruptedException(BlobKey key, String message) {
        super(message);
        this.key = key;
    }

    public BlobKey getKey() {
        return key;
    }
}
