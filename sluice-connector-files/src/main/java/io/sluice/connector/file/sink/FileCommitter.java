package io.sluice.connector.file.sink;

import io.sluice.api.connector.sink.Committer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * Publishes pending part files by an atomic rename to their visible name in the same directory.
 * Idempotent: a committable whose pending file is gone and whose target exists was committed
 * before (for example just before a failure) and is reported as already committed. One whose
 * pending file and target are both missing fails the job with both names: data was lost outside
 * the sink (a deleted file, a restore from a checkpoint older than the commit).
 */
public final class FileCommitter implements Committer<FileSinkCommittable> {
    @Override
    public void commit(Collection<CommitRequest<FileSinkCommittable>> requests) throws IOException {
        for (CommitRequest<FileSinkCommittable> request : requests) {
            FileSinkCommittable committable = request.getCommittable();
            Path pending = committable.pendingPath();
            Path target = committable.targetPath();
            if (Files.exists(pending)) {
                Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE);
            } else if (Files.exists(target)) {
                request.signalAlreadyCommitted();
            } else {
                request.signalFailedWithUnknownReason(new IOException("FileSink: cannot commit part file " + pending
                        + " as " + target + " of bucket '" + committable.bucketId()
                        + "': neither file exists (deleted outside the sink, or restored from a checkpoint older"
                        + " than the one that produced it?)"));
            }
        }
    }

    @Override
    public void close() {}
}
