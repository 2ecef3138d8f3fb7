package io.sluice.connector.file.sink;

import io.sluice.api.connector.sink.Committer;
import io.sluice.api.connector.sink.CommitterInitContext;
import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.StatefulSinkWriter;
import io.sluice.api.connector.sink.SupportsCommitter;
import io.sluice.api.connector.sink.SupportsWriterState;
import io.sluice.api.connector.sink.WriterInitContext;
import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.connector.file.sink.bucketassigners.DateTimeBucketAssigner;
import io.sluice.connector.file.sink.rollingpolicies.DefaultRollingPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;

/**
 * Exactly-once file output (Flink's {@code FileSink}, row format). Elements go into buckets
 * (directories under the base path chosen by a {@link BucketAssigner}, by default
 * {@link DateTimeBucketAssigner} by the hour), each bucket into part files that a
 * {@link RollingPolicy} closes (by default {@link DefaultRollingPolicy}).
 *
 * <p>A part file lives in three states: <b>in progress</b> (hidden
 * {@code .part-<uid>-<n>.inprogress.<uuid>}, being written), <b>pending</b> (closed, still hidden,
 * a committable of the next checkpoint) and <b>committed</b> ({@code part-<uid>-<n>} with the
 * {@link OutputFileConfig}'s prefix and suffix, renamed atomically once the checkpoint holding it is
 * complete). Readers that skip hidden files (names starting with {@code .} or {@code _}) never see
 * uncommitted data. Row format also rolls at a checkpoint when the policy says so; otherwise the
 * open part is kept in the checkpoint with its length, and a restore truncates it to that length
 * and goes on writing into it: bytes written after the checkpoint vanish. Without checkpointing
 * every open part is closed and committed at the end of input.
 *
 * <pre>{@code
 * FileSink<String> sink = FileSink.forRowFormat(Path.of("/out"), new SimpleStringEncoder<String>())
 *         .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(MemorySize.parse("1mb")).build())
 *         .build();
 * stream.sinkTo(sink);
 * }</pre>
 */
public final class FileSink<IN>
        implements Sink<IN>, SupportsWriterState<IN, FileWriterBucketState>, SupportsCommitter<FileSinkCommittable> {
    private static final long serialVersionUID = 1L;

    private final String basePath;
    private final Encoder<IN> encoder;
    private final BucketAssigner<IN, String> bucketAssigner;
    private final RollingPolicy<IN, String> rollingPolicy;
    private final OutputFileConfig outputFileConfig;
    private final long bucketCheckInterval;

    private FileSink(RowFormatBuilder<IN> builder) {
        this.basePath = builder.basePath.toAbsolutePath().toString();
        this.encoder = builder.encoder;
        this.bucketAssigner = builder.bucketAssigner;
        this.rollingPolicy = builder.rollingPolicy;
        this.outputFileConfig = builder.outputFileConfig;
        this.bucketCheckInterval = builder.bucketCheckInterval;
    }

    /** A sink writing each element with {@code encoder} into part files under {@code basePath}. */
    public static <IN> RowFormatBuilder<IN> forRowFormat(Path basePath, Encoder<IN> encoder) {
        return new RowFormatBuilder<>(basePath, encoder);
    }

    @Override
    public FileWriter<IN> createWriter(WriterInitContext context) {
        return new FileWriter<>(this, context.getProcessingTimeService());
    }

    @Override
    public StatefulSinkWriter<IN, FileWriterBucketState> restoreWriter(
            WriterInitContext context, Collection<FileWriterBucketState> recoveredState) throws IOException {
        FileWriter<IN> writer = createWriter(context);
        writer.restore(recoveredState);
        return writer;
    }

    @Override
    public SimpleVersionedSerializer<FileWriterBucketState> getWriterStateSerializer() {
        return FileWriterBucketStateSerializer.INSTANCE;
    }

    @Override
    public Committer<FileSinkCommittable> createCommitter(CommitterInitContext context) {
        return new FileCommitter();
    }

    @Override
    public SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
        return FileSinkCommittableSerializer.INSTANCE;
    }

    Path basePath() {
        return Path.of(basePath);
    }

    Encoder<IN> encoder() {
        return encoder;
    }

    BucketAssigner<IN, String> bucketAssigner() {
        return bucketAssigner;
    }

    RollingPolicy<IN, String> rollingPolicy() {
        return rollingPolicy;
    }

    OutputFileConfig outputFileConfig() {
        return outputFileConfig;
    }

    long bucketCheckInterval() {
        return bucketCheckInterval;
    }

    /** Builds a row-format {@link FileSink}. Defaults follow Flink's. */
    public static final class RowFormatBuilder<IN> {
        /** Default bucket check interval: one minute. */
        public static final long DEFAULT_BUCKET_CHECK_INTERVAL = 60_000L;

        private final Path basePath;
        private final Encoder<IN> encoder;
        private BucketAssigner<IN, String> bucketAssigner = new DateTimeBucketAssigner<>();
        private RollingPolicy<IN, String> rollingPolicy =
                DefaultRollingPolicy.builder().build();
        private OutputFileConfig outputFileConfig = OutputFileConfig.builder().build();
        private long bucketCheckInterval = DEFAULT_BUCKET_CHECK_INTERVAL;

        private RowFormatBuilder(Path basePath, Encoder<IN> encoder) {
            this.basePath = Objects.requireNonNull(basePath, "basePath");
            this.encoder = Objects.requireNonNull(encoder, "encoder");
        }

        /** How often (ms of processing time) open parts are checked against the rolling policy's time limits. */
        public RowFormatBuilder<IN> withBucketCheckInterval(long interval) {
            if (interval <= 0) {
                throw new IllegalArgumentException("The bucket check interval must be positive, got " + interval);
            }
            this.bucketCheckInterval = interval;
            return this;
        }

        public RowFormatBuilder<IN> withBucketAssigner(BucketAssigner<IN, String> assigner) {
            this.bucketAssigner = Objects.requireNonNull(assigner, "assigner");
            return this;
        }

        public RowFormatBuilder<IN> withRollingPolicy(RollingPolicy<IN, String> policy) {
            this.rollingPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public RowFormatBuilder<IN> withOutputFileConfig(OutputFileConfig config) {
            this.outputFileConfig = Objects.requireNonNull(config, "config");
            return this;
        }

        public FileSink<IN> build() {
            return new FileSink<>(this);
        }
    }
}
