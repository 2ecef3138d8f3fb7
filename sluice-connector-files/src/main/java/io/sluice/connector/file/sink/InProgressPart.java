package io.sluice.connector.file.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * One open part file of a bucket: a hidden file ({@code .<target>.inprogress.<uuid>}) that
 * readers skip, written through a buffer. Owned by its bucket (task thread).
 */
final class InProgressPart<IN> implements PartFileInfo<String> {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final String bucketId;
    private final Path file;
    private final Path target;
    private final long creationTime;
    private final FileChannel channel;
    private final CountingStream stream;
    private long lastUpdateTime;

    private InProgressPart(String bucketId, Path file, Path target, long creationTime, FileChannel channel, long size) {
        this.bucketId = bucketId;
        this.file = file;
        this.target = target;
        this.creationTime = creationTime;
        this.lastUpdateTime = creationTime;
        this.channel = channel;
        this.stream =
                new CountingStream(new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE), size);
    }

    /** Opens a new hidden file for {@code target}. */
    static <IN> InProgressPart<IN> open(String bucketId, Path target, long now) throws IOException {
        Files.createDirectories(target.getParent());
        Path file = target.resolveSibling("." + target.getFileName() + ".inprogress." + UUID.randomUUID());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new InProgressPart<>(bucketId, file, target, now, channel, 0);
    }

    /** Reopens a checkpointed file, cutting off what was written after the checkpoint. */
    static <IN> InProgressPart<IN> resume(FileWriterBucketState state, long now) throws IOException {
        Path file = Path.of(state.inProgressFile());
        if (!Files.exists(file)) {
            throw new IOException("FileSink: cannot restore bucket '" + state.bucketId() + "': its in-progress file "
                    + file + " (to be committed as " + state.targetFile() + ") is missing");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        long length = channel.size();
        if (length < state.validLength()) {
            channel.close();
            throw new IOException("FileSink: cannot restore bucket '" + state.bucketId() + "': " + file + " has "
                    + length + " bytes, fewer than the " + state.validLength() + " the checkpoint covers");
        }
        channel.truncate(state.validLength());
        channel.position(state.validLength());
        InProgressPart<IN> part = new InProgressPart<>(
                state.bucketId(),
                file,
                Path.of(state.targetFile()),
                state.creationTime(),
                channel,
                state.validLength());
        part.lastUpdateTime = now;
        return part;
    }

    void write(IN element, Encoder<IN> encoder, long now) throws IOException {
        encoder.encode(element, stream);
        lastUpdateTime = now;
    }

    /** Makes everything written so far durable and says how far that is. */
    FileWriterBucketState persist(Path bucketPath) throws IOException {
        stream.flush();
        channel.force(false);
        return new FileWriterBucketState(
                bucketId, bucketPath.toString(), file.toString(), target.toString(), stream.count, creationTime);
    }

    /** Closes the file for good; it becomes pending, to be renamed to its target by the committer. */
    FileSinkCommittable closeForCommit() throws IOException {
        stream.flush();
        channel.force(false);
        channel.close();
        return new FileSinkCommittable(bucketId, file.toString(), target.toString());
    }

    /** Closes without committing (the writer closes after a failure or a cancel); the file stays hidden. */
    void dispose() throws IOException {
        channel.close();
    }

    @Override
    public String getBucketId() {
        return bucketId;
    }

    @Override
    public long getCreationTime() {
        return creationTime;
    }

    @Override
    public long getSize() {
        return stream.count;
    }

    @Override
    public long getLastUpdateTime() {
        return lastUpdateTime;
    }

    Path file() {
        return file;
    }

    /** Counts bytes as they enter the buffer: the part's size includes what is not flushed yet. */
    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out, long count) {
            this.out = out;
            this.count = count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // the part closes its channel itself
        }
    }
}
