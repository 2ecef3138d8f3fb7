package io.sluice.runtime.blob;

import java.io.IOException;

/** An upload was larger than the store accepts; nothing of it was kept. */
public final class BlobSizeLimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    public BlobSizeLimitExceededException(long maxBytes) {
        super("Blob upload exceeds the size limit of " + maxBytes
                + " bytes and was discarded; upload a smaller file or raise the limit");
        this.maxBytes = maxBytes;
    }

    public long getMaxBytes() {
        return maxBytes;
    }
}
