package io.sluice.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The completed checkpoints a job keeps: the last {@code numRetained}, oldest first. An added
 * checkpoint subsumes the oldest beyond that number, whose files are deleted on the I/O executor.
 * JobMaster main thread only.
 */
final class CompletedCheckpointStore {
    private static final Logger LOG = LoggerFactory.getLogger(CompletedCheckpointStore.class);

    private final int numRetained;
    private final Executor ioExecutor;
    private final Deque<CompletedCheckpoint> checkpoints = new ArrayDeque<>();

    CompletedCheckpointStore(int numRetained, Executor ioExecutor) {
        this.numRetained = numRetained;
        this.ioExecutor = ioExecutor;
    }

    void add(CompletedCheckpoint checkpoint) {
        checkpoints.addLast(checkpoint);
        while (checkpoints.size() > numRetained) {
            discardLater(checkpoints.removeFirst());
        }
    }

    /** The newest first. */
    List<CompletedCheckpoint> newestFirst() {
        List<CompletedCheckpoint> list = new ArrayList<>(checkpoints);
        java.util.Collections.reverse(list);
        return list;
    }

    CompletedCheckpoint latest() {
        return checkpoints.peekLast();
    }

    /**
     * The newest checkpoint that can be restored, read again from its {@code _metadata} (in-memory
     * ones as they are). One that cannot be read is reported to {@code onUnreadable}, forgotten
     * (its files stay for inspection), and the next older one is tried; null if none is left.
     */
    CompletedCheckpoint newestReadable(
            ClassLoader classLoader, BiConsumer<CompletedCheckpoint, IOException> onUnreadable) {
        for (CompletedCheckpoint c : newestFirst()) {
            if (c.externalPath() == null) {
                return c;
            }
            try {
                CompletedCheckpoint read = CheckpointMetadata.read(Path.of(c.externalPath()), classLoader);
                if (read.checkpointId() != c.checkpointId()) {
                    throw new IOException("Checkpoint metadata file " + c.externalPath() + " holds checkpoint "
                            + read.checkpointId() + ", not " + c.checkpointId());
                }
                return read;
            } catch (IOException e) {
                onUnreadable.accept(c, e);
                remove(c);
            }
        }
        return null;
    }

    /** Forgets a checkpoint that could not be restored (its files stay for inspection). */
    void remove(CompletedCheckpoint checkpoint) {
        checkpoints.remove(checkpoint);
    }

    /** The job ended: deletes every retained checkpoint unless {@code retain}. */
    void shutdown(boolean retain) {
        if (retain) {
            for (CompletedCheckpoint c : checkpoints) {
                LOG.info("Retaining {}", c);
            }
        } else {
            for (CompletedCheckpoint c : checkpoints) {
                discardLater(c);
            }
        }
        checkpoints.clear();
    }

    private void discardLater(CompletedCheckpoint checkpoint) {
        ioExecutor.execute(() -> {
            try {
                checkpoint.discard();
            } catch (Exception e) {
                LOG.warn("Could not delete the files of {}", checkpoint, e);
            }
        });
    }
}
