package io.sluice.api.connector.testutils;

import io.sluice.api.connector.source.InputStatus;
import io.sluice.api.connector.source.ReaderInfo;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceEvent;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.connector.source.SplitsAssignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Wires a source's enumerator and {@code parallelism} readers together in one thread: split
 * requests go straight to the enumerator, assignments straight to the readers.
 */
public final class LocalSourceDriver<T, SplitT extends SourceSplit> {
    public final SplitEnumerator<SplitT, ?> enumerator;
    public final List<SourceReader<T, SplitT>> readers = new ArrayList<>();
    public final List<CollectingReaderOutput<T>> outputs = new ArrayList<>();
    public final List<String> assignmentLog = new ArrayList<>();

    public LocalSourceDriver(Source<T, SplitT, ?> source, int parallelism) throws Exception {
        enumerator = source.createEnumerator(new Context(parallelism));
        enumerator.start();
        for (int i = 0; i < parallelism; i++) {
            int subtask = i;
            readers.add(source.createReader(
                    new TestReaderContext(i, parallelism, () -> enumerator.handleSplitRequest(subtask, "localhost"))));
            outputs.add(new CollectingReaderOutput<>());
        }
    }

    /** Starts every reader, in subtask order. */
    public void startAll() {
        for (SourceReader<T, SplitT> reader : readers) {
            reader.start();
        }
    }

    /** Polls reader {@code subtask} until END_OF_INPUT, waiting on availability when told to. */
    public List<T> runToEnd(int subtask) throws Exception {
        SourceReader<T, SplitT> reader = readers.get(subtask);
        InputStatus status;
        do {
            status = reader.pollNext(outputs.get(subtask));
            if (status == InputStatus.NOTHING_AVAILABLE) {
                reader.isAvailable().get(10, TimeUnit.SECONDS);
            }
        } while (status != InputStatus.END_OF_INPUT);
        return outputs.get(subtask).records;
    }

    private final class Context implements SplitEnumeratorContext<SplitT> {
        private final int parallelism;

        Context(int parallelism) {
            this.parallelism = parallelism;
        }

        @Override
        public int currentParallelism() {
            return parallelism;
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            Map<Integer, ReaderInfo> readerInfos = new HashMap<>();
            for (int i = 0; i < readers.size(); i++) {
                readerInfos.put(i, new ReaderInfo(i, "localhost"));
            }
            return readerInfos;
        }

        @Override
        public void assignSplits(SplitsAssignment<SplitT> newSplitAssignments) {
            newSplitAssignments.assignment().forEach((subtask, splits) -> {
                assignmentLog.add(subtask + ":" + splits);
                readers.get(subtask).addSplits(splits);
            });
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            assignmentLog.add(subtask + ":none");
            readers.get(subtask).notifyNoMoreSplits();
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
            readers.get(subtaskId).handleSourceEvents(event);
        }

        @Override
        public <R> void callAsync(Callable<R> callable, BiConsumer<R, Throwable> handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <R> void callAsync(
                Callable<R> callable, BiConsumer<R, Throwable> handler, long initialDelayMillis, long periodMillis) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            runnable.run();
        }
    }
}
