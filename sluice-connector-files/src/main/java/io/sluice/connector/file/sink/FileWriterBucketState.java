package io.sluice.connector.file.sink;

import java.util.Objects;

/**
 * What a checkpoint keeps of one bucket of a {@code FileSink} writer: its open part file and how
 * many bytes of it the checkpoint covers. On restore the file is truncated to that length, so what
 * was written after the checkpoint is gone, and the writer goes on appending to it.
 *
 * @param bucketId the bucket's id
 * @param bucketPath the bucket's directory
 * @param inProgressFile the hidden file being written
 * @param targetFile the name it gets when committed
 * @param validLength the bytes the checkpoint covers
 * @param creationTime processing time when the part was opened (for the rollover interval)
 */
public record FileWriterBucketState(
        String bucketId,
        String bucketPath,
        String inProgressFile,
        String targetFile,
        long validLength,
        long creationTime) {
    public FileWriterBucketState {
        Objects.requireNonNull(bucketId, "bucketId");
        Objects.requireNonNull(bucketPath, "bucketPath");
        Objects.requireNonNull(inProgressFile, "inProgressFile");
        Objects.requireNonNull(targetFile, "targetFile");
    }
}
