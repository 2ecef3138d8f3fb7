package io.sluice.runtime.source;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.InputStatus;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.io.SimpleVersionedSerializer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A source for operator tests: its reader emits nothing by itself but keeps the {@link
 * ReaderOutput} of its first {@code pollNext}, so the test (playing the task thread) emits
 * through it directly, per split or on the main output.
 */
final class CapturingSource implements Source<Long, CapturingSource.NoSplit, Void> {
    private static final long serialVersionUID = 1L;

    transient ReaderOutput<Long> output;

    record NoSplit(String splitId) implements SourceSplit {}

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<NoSplit, Void> createEnumerator(SplitEnumeratorContext<NoSplit> context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SplitEnumerator<NoSplit, Void> restoreEnumerator(SplitEnumeratorContext<NoSplit> context, Void checkpoint) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SimpleVersionedSerializer<NoSplit> getSplitSerializer() {
        throw new UnsupportedOperationException();
    }

    @Override
    public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
        throw new UnsupportedOperationException();
    }

    @Override
    public SourceReader<Long, NoSplit> createReader(SourceReaderContext context) {
        return new SourceReader<>() {
            @Override
            public void start() {}

            @Override
            public InputStatus pollNext(ReaderOutput<Long> readerOutput) {
                output = readerOutput;
                return InputStatus.NOTHING_AVAILABLE;
            }

            @Override
            public List<NoSplit> snapshotState(long checkpointId) {
                return List.of();
            }

            @Override
            public CompletableFuture<Void> isAvailable() {
                return new CompletableFuture<>();
            }

            @Override
            public void addSplits(List<NoSplit> splits) {}

            @Override
            public void notifyNoMoreSplits() {}

            @Override
            public void close() {}
        };
    }
}
