package io.sluice.connector.file.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One bucket (directory) of a {@link FileWriter}: at most one open part file, and the parts closed
 * since the last {@link #prepareCommit} (pending). Task thread only.
 */
final class FileWriterBucket<IN> {
    private final String bucketId;
    private final Path bucketPath;
    private final FileWriter.PartNames names;
    private final FileSink<IN> sink;
    private final List<FileSinkCommittable> pending = new ArrayList<>();
    private InProgressPart<IN> inProgress;

    FileWriterBucket(String bucketId, Path bucketPath, FileWriter.PartNames names, FileSink<IN> sink) {
        this.bucketId = bucketId;
        this.bucketPath = bucketPath;
        this.names = names;
        this.sink = sink;
    }

    void write(IN element, long now) throws IOException {
        if (inProgress == null || sink.rollingPolicy().shouldRollOnEvent(inProgress, element)) {
            closePart();
            Path target = bucketPath.resolve(names.next());
            inProgress = InProgressPart.open(bucketId, target, now);
        }
        inProgress.write(element, sink.encoder(), now);
    }

    /** Continues a part file from a checkpoint; a part already open here becomes pending first. */
    void resume(FileWriterBucketState state, long now) throws IOException {
        closePart();
        inProgress = InProgressPart.resume(state, now);
    }

    void onProcessingTime(long now) throws IOException {
        if (inProgress != null && sink.rollingPolicy().shouldRollOnProcessingTime(inProgress, now)) {
            closePart();
        }
    }

    /** Rolls the open part when the policy says so (always at the end of input); hands over the pending parts. */
    List<FileSinkCommittable> prepareCommit(boolean endOfInput) throws IOException {
        if (inProgress != null && (endOfInput || sink.rollingPolicy().shouldRollOnCheckpoint(inProgress))) {
            closePart();
        }
        List<FileSinkCommittable> out = new ArrayList<>(pending);
        pending.clear();
        return out;
    }

    /** The open part, made durable, or null when there is none. */
    FileWriterBucketState snapshotState() throws IOException {
        return inProgress == null ? null : inProgress.persist(bucketPath);
    }

    boolean isActive() {
        return inProgress != null || !pending.isEmpty();
    }

    void dispose() throws IOException {
        if (inProgress != null) {
            InProgressPart<IN> part = inProgress;
            inProgress = null;
            part.dispose();
        }
    }

    private void closePart() throws IOException {
        if (inProgress != null) {
            InProgressPart<IN> part = inProgress;
            inProgress = null;
            pending.add(part.closeForCommit());
        }
    }

    /** The open part (for tests), or null. */
    PartFileInfo<String> inProgressPart() {
        return inProgress;
    }
}
