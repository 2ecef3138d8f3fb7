package io.sluice.api.connector.source.lib;

import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An enumerator over a set of splits known up front (a number range, a collection, the files of a
 * directory listed once). Splits are handed out one per {@link #handleSplitRequest} in the order
 * they were given; when none are left the requesting reader is told there are no more splits.
 * Splits that come back from a failed reader are handed out again first.
 *
 * <p>Threading: owned by the coordinator thread, like every enumerator; no locks. Its checkpoint is
 * the collection of splits not yet assigned.
 */
public final class StaticSplitEnumerator<SplitT extends SourceSplit>
        implements SplitEnumerator<SplitT, Collection<SplitT>> {

    private final SplitEnumeratorContext<SplitT> context;
    private final ArrayDeque<SplitT> remaining;

    public StaticSplitEnumerator(SplitEnumeratorContext<SplitT> context, Collection<SplitT> splits) {
        this.context = context;
        this.remaining = new ArrayDeque<>(splits);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        SplitT next = remaining.poll();
        if (next != null) {
            context.assignSplit(next, subtaskId);
        } else {
            context.signalNoMoreSplits(subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<SplitT> splits, int subtaskId) {
        for (int i = splits.size() - 1; i >= 0; i--) {
            remaining.addFirst(splits.get(i));
        }
    }

    /** Readers ask for splits themselves ({@link SequentialSplitReader} does on start). */
    @Override
    public void addReader(int subtaskId) {}

    @Override
    public Collection<SplitT> snapshotState(long checkpointId) {
        return new ArrayList<>(remaining);
    }

    /** The splits not assigned yet, in assignment order. */
    public List<SplitT> remainingSplits() {
        return new ArrayList<>(remaining);
    }

    @Override
    public void close() {}
}
