package io.sluice.connector.file.sink;

import java.io.IOException;
import java.io.Serializable;

/**
 * Decides when a bucket closes its open part file (which then becomes pending and is committed
 * with the next completed checkpoint) and opens a new one. Asked on the task thread: before each
 * element is written, at each checkpoint, and at each bucket check (every
 * {@link FileSink.RowFormatBuilder#withBucketCheckInterval bucket check interval}).
 */
public interface RollingPolicy<IN, BucketID> extends Serializable {
    boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) throws IOException;

    boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) throws IOException;

    boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) throws IOException;
}
