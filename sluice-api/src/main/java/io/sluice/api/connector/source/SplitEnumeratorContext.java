package io.sluice.api.connector.source;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * What an enumerator can do. All its methods may be called only from the coordinator thread
 * (the thread that calls the enumerator), except {@link #callAsync} results, which come back on it.
 */
public interface SplitEnumeratorContext<SplitT extends SourceSplit> {
    int currentParallelism();

    /** The readers registered now, by subtask. */
    Map<Integer, ReaderInfo> registeredReaders();

    void assignSplits(SplitsAssignment<SplitT> newSplitAssignments);

    default void assignSplit(SplitT split, int subtask) {
        assignSplits(new SplitsAssignment<>(Map.of(subtask, java.util.List.of(split))));
    }

    void signalNoMoreSplits(int subtask);

    void sendEventToSourceReader(int subtaskId, SourceEvent event);

    /** Runs a callable in a worker pool; the handler runs on the coordinator thread. */
    <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler);

    /** As {@link #callAsync(Callable, BiConsumer)}, repeated with a fixed period. */
    <T> void callAsync(
            Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelayMillis, long periodMillis);

    void runInCoordinatorThread(Runnable runnable);
}
