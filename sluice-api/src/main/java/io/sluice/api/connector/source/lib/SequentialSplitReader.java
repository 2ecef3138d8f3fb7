package io.sluice.api.connector.source.lib;

import io.sluice.api.connector.source.InputStatus;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A reader that reads its splits one after another, asking the enumerator for the next split
 * whenever it runs out ({@link SourceReaderContext#sendSplitRequest()}) and ending when the
 * enumerator says there are no more. Subclasses only open a split, emit a batch of its records and
 * say where they are in it.
 *
 * <p>Threading: every method runs on the task thread (see {@link SourceReader}); no locks. The
 * per-record work lives in {@link #emitBatch}, called once per {@link #pollNext}, so the base class
 * costs one virtual call per batch, not per record.
 *
 * <p>Lifecycle of a split: {@link #openSplit} when it becomes current, {@link #emitBatch} until it
 * returns true, then {@link #closeSplit}. {@link #currentSplitState()} is asked for checkpoints
 * while a split is open.
 */
public abstract class SequentialSplitReader<T, SplitT extends SourceSplit> implements SourceReader<T, SplitT> {

    /** How many records a subclass should emit per {@link #emitBatch} call at most. */
    protected static final int BATCH_SIZE = 1024;

    protected final SourceReaderContext context;

    private final ArrayDeque<SplitT> pendingSplits = new ArrayDeque<>();
    private SplitT currentSplit;
    private boolean noMoreSplits;
    private CompletableFuture<Void> availability = CompletableFuture.completedFuture(null);

    protected SequentialSplitReader(SourceReaderContext context) {
        this.context = context;
    }

    /** Makes {@code split} the current split, positioned at the position it carries. */
    protected abstract void openSplit(SplitT split) throws Exception;

    /**
     * Emits up to {@link #BATCH_SIZE} records of the current split.
     *
     * @return true if the current split is exhausted
     */
    protected abstract boolean emitBatch(ReaderOutput<T> output) throws Exception;

    /** The current split with the position of the next unread record. */
    protected abstract SplitT currentSplitState();

    /** Releases what {@link #openSplit} acquired. */
    protected void closeSplit() throws Exception {}

    @Override
    public void start() {
        if (pendingSplits.isEmpty()) {
            context.sendSplitRequest();
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (currentSplit == null) {
            SplitT next = pendingSplits.poll();
            if (next == null) {
                if (noMoreSplits) {
                    return InputStatus.END_OF_INPUT;
                }
                if (availability.isDone()) {
                    availability = new CompletableFuture<>();
                }
                return InputStatus.NOTHING_AVAILABLE;
            }
            openSplit(next);
            currentSplit = next;
        }
        if (emitBatch(output)) {
            currentSplit = null;
            closeSplit();
            if (pendingSplits.isEmpty()) {
                if (noMoreSplits) {
                    return InputStatus.END_OF_INPUT;
                }
                context.sendSplitRequest();
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<SplitT> snapshotState(long checkpointId) {
        List<SplitT> state = new ArrayList<>(pendingSplits.size() + 1);
        if (currentSplit != null) {
            state.add(currentSplitState());
        }
        state.addAll(pendingSplits);
        return state;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return availability;
    }

    @Override
    public void addSplits(List<SplitT> splits) {
        pendingSplits.addAll(splits);
        availability.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        availability.complete(null);
    }

    @Override
    public void close() throws Exception {
        if (currentSplit != null) {
            currentSplit = null;
            closeSplit();
        }
    }
}
