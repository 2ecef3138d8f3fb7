package io.sluice.connector.file.sink;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A closed part file waiting to be published: committing renames the hidden pending file to its
 * visible target name in the same directory.
 *
 * @param bucketId the bucket the file belongs to
 * @param pendingFile the closed, hidden file ({@code .part-<uid>-<n>.inprogress.<uuid>})
 * @param targetFile the name it gets when committed ({@code part-<uid>-<n>})
 */
public record FileSinkCommittable(String bucketId, String pendingFile, String targetFile) {
    public FileSinkCommittable {
        Objects.requireNonNull(bucketId, "bucketId");
        Objects.requireNonNull(pendingFile, "pendingFile");
        Objects.requireNonNull(targetFile, "targetFile");
    }

    public Path pendingPath() {
        return Path.of(pendingFile);
    }

    public Path targetPath() {
        return Path.of(targetFile);
    }
}
