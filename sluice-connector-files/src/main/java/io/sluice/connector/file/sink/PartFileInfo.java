package io.sluice.connector.file.sink;

import java.io.IOException;

/** What a {@link RollingPolicy} may look at: the bucket's open part file. */
public interface PartFileInfo<BucketID> {
    BucketID getBucketId();

    /** Processing time when the part file was opened. */
    long getCreationTime();

    /** Bytes written so far. */
    long getSize() throws IOException;

    /** Processing time of the last write. */
    long getLastUpdateTime();
}
