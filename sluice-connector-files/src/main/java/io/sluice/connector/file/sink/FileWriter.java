package io.sluice.connector.file.sink;

import io.sluice.api.common.operators.ProcessingTimeService;
import io.sluice.api.connector.sink.CommittingSinkWriter;
import io.sluice.api.connector.sink.StatefulSinkWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The writer of a {@link FileSink} subtask. Each element goes to the bucket its
 * {@link BucketAssigner} names, into that bucket's open part file (a hidden
 * {@code .part-<uid>-<n>.inprogress.<uuid>}); {@code uid} is random per writer, so attempts and
 * subtasks never pick the same name, and {@code n} counts the parts of this writer over all its
 * buckets (a bucket that went idle and was dropped cannot reuse a name when it comes back). A part is closed when the {@link RollingPolicy} says so and
 * becomes pending; {@link #prepareCommit()} hands the pending parts over as committables, which the
 * {@link FileCommitter} renames to {@code part-<uid>-<n>} once their checkpoint is complete.
 * {@link #snapshotState} keeps each open part with its length, so a restore cuts off what came
 * after the checkpoint. At the end of input every open part is closed and committed.
 *
 * <p>Task thread only: the bucket check runs as a processing-time timer, which the runtime runs on
 * the task thread too.
 */
public final class FileWriter<IN>
        implements CommittingSinkWriter<IN, FileSinkCommittable>, StatefulSinkWriter<IN, FileWriterBucketState> {
    private final FileSink<IN> sink;
    private final Path basePath;
    private final ProcessingTimeService timeService;
    private final PartNames partNames;
    private final Map<String, FileWriterBucket<IN>> buckets = new LinkedHashMap<>();
    private final AssignerContext assignerContext = new AssignerContext();
    private boolean endOfInput;
    private boolean closed;

    FileWriter(FileSink<IN> sink, ProcessingTimeService timeService) {
        this.sink = sink;
        this.basePath = sink.basePath();
        this.timeService = timeService;
        this.partNames =
                new PartNames(sink.outputFileConfig(), UUID.randomUUID().toString());
        long now = timeService.getCurrentProcessingTime();
        timeService.registerTimer(now + sink.bucketCheckInterval(), this::onProcessingTime);
    }

    void restore(Collection<FileWriterBucketState> states) throws IOException {
        long now = timeService.getCurrentProcessingTime();
        for (FileWriterBucketState state : states) {
            bucket(state.bucketId()).resume(state, now);
        }
    }

    @Override
    public void write(IN element, Context context) throws IOException {
        long now = timeService.getCurrentProcessingTime();
        assignerContext.now = now;
        assignerContext.writeContext = context;
        String bucketId = sink.bucketAssigner().getBucketId(element, assignerContext);
        bucket(bucketId).write(element, now);
    }

    @Override
    public void flush(boolean endOfInput) {
        // parts are flushed when they are snapshotted or closed; the end of input closes them all
        this.endOfInput |= endOfInput;
    }

    @Override
    public Collection<FileSinkCommittable> prepareCommit() throws IOException {
        List<FileSinkCommittable> committables = new ArrayList<>();
        Iterator<FileWriterBucket<IN>> it = buckets.values().iterator();
        while (it.hasNext()) {
            FileWriterBucket<IN> bucket = it.next();
            committables.addAll(bucket.prepareCommit(endOfInput));
            if (!bucket.isActive()) {
                it.remove();
            }
        }
        return committables;
    }

    @Override
    public List<FileWriterBucketState> snapshotState(long checkpointId) throws IOException {
        List<FileWriterBucketState> states = new ArrayList<>();
        for (FileWriterBucket<IN> bucket : buckets.values()) {
            FileWriterBucketState state = bucket.snapshotState();
            if (state != null) {
                states.add(state);
            }
        }
        return states;
    }

    private void onProcessingTime(long time) throws IOException {
        if (closed) {
            return;
        }
        long now = timeService.getCurrentProcessingTime();
        for (FileWriterBucket<IN> bucket : buckets.values()) {
            bucket.onProcessingTime(now);
        }
        timeService.registerTimer(now + sink.bucketCheckInterval(), this::onProcessingTime);
    }

    /** Closes the open files; they stay hidden (a restore or the end of input publishes data, never close). */
    @Override
    public void close() throws IOException {
        closed = true;
        IOException first = null;
        for (FileWriterBucket<IN> bucket : buckets.values()) {
            try {
                bucket.dispose();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        buckets.clear();
        if (first != null) {
            throw first;
        }
    }

    private FileWriterBucket<IN> bucket(String bucketId) {
        FileWriterBucket<IN> bucket = buckets.get(bucketId);
        if (bucket == null) {
            Path path = bucketId.isEmpty() ? basePath : basePath.resolve(bucketId);
            bucket = new FileWriterBucket<>(bucketId, path, partNames, sink);
            buckets.put(bucketId, bucket);
        }
        return bucket;
    }

    /** The open part of a bucket (for tests), or null. */
    PartFileInfo<String> inProgressPart(String bucketId) {
        FileWriterBucket<IN> bucket = buckets.get(bucketId);
        return bucket == null ? null : bucket.inProgressPart();
    }

    /** The random id in this writer's part names. */
    String uid() {
        return partNames.uid;
    }

    /** Names the parts of one writer: {@code <prefix>-<uid>-<n><suffix>}, n counting up from 0. */
    static final class PartNames {
        private final OutputFileConfig config;
        private final String uid;
        private long counter;

        PartNames(OutputFileConfig config, String uid) {
            this.config = config;
            this.uid = uid;
        }

        String next() {
            return config.getPartPrefix() + "-" + uid + "-" + counter++ + config.getPartSuffix();
        }
    }

    private static final class AssignerContext implements BucketAssigner.Context {
        long now;
        Context writeContext;

        @Override
        public long currentProcessingTime() {
            return now;
        }

        @Override
        public long currentWatermark() {
            return writeContext == null ? Long.MIN_VALUE : writeContext.currentWatermark();
        }

        @Override
        public Long timestamp() {
            return writeContext == null ? null : writeContext.timestamp();
        }
    }
}
