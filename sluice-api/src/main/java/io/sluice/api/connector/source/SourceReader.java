package io.sluice.api.connector.source;

import io.sluice.api.state.CheckpointListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the records of the splits assigned to one parallel subtask.
 *
 * <p>Threading: every method is called on the task thread and must not block; a reader that has
 * nothing to emit returns {@link InputStatus#NOTHING_AVAILABLE} and completes the future of
 * {@link #isAvailable()} (from any thread) when it has. Call order: {@link #start()}, then
 * {@link #pollNext} / {@link #addSplits} / {@link #notifyNoMoreSplits} interleaved, then
 * {@link #close()}.
 */
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable, CheckpointListener {
    void start();

    /** Emits zero or more records into the output and says whether more are available. */
    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /** The splits this reader holds, with their current positions (for checkpoints). */
    List<SplitT> snapshotState(long checkpointId);

    /** Completes when {@link #pollNext} should be called again. */
    CompletableFuture<Void> isAvailable();

    void addSplits(List<SplitT> splits);

    /** The enumerator will assign no more splits to this reader. */
    void notifyNoMoreSplits();

    default void handleSourceEvents(SourceEvent sourceEvent) {}

    @Override
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}
}
