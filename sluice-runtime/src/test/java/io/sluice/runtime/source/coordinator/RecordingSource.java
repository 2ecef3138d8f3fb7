package io.sluice.runtime.source.coordinator;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.SourceEvent;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.io.SimpleVersionedSerializer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A source whose enumerator logs every call (with the calling thread checked) and hands out the
 * splits "a", "b", "c" on request.
 */
final class RecordingSource implements io.sluice.api.connector.source.Source<String, RecordingSource.Split, Void> {
    record Split(String splitId) implements SourceSplit {}

    record Ping(String text) implements SourceEvent {}

    final transient List<String> log = new CopyOnWriteArrayList<>();
    transient Enumerator enumerator;

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<Split, Void> createEnumerator(SplitEnumeratorContext<Split> enumContext) {
        enumerator = new Enumerator(enumContext);
        return enumerator;
    }

    @Override
    public SplitEnumerator<Split, Void> restoreEnumerator(SplitEnumeratorContext<Split> enumContext, Void checkpoint) {
        return createEnumerator(enumContext);
    }

    @Override
    public SimpleVersionedSerializer<Split> getSplitSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 3;
            }

            @Override
            public byte[] serialize(Split split) {
                return split.splitId().getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public Split deserialize(int version, byte[] serialized) {
                if (version != 3) {
                    throw new IllegalArgumentException("version " + version);
                }
                return new Split(new String(serialized, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
        throw new UnsupportedOperationException();
    }

    @Override
    public SourceReader<String, Split> createReader(SourceReaderContext readerContext) {
        throw new UnsupportedOperationException();
    }

    final class Enumerator implements SplitEnumerator<Split, Void> {
        final SplitEnumeratorContext<Split> context;
        final ArrayDeque<Split> remaining = new ArrayDeque<>(List.of(new Split("a"), new Split("b"), new Split("c")));

        Enumerator(SplitEnumeratorContext<Split> context) {
            this.context = context;
        }

        private void record(String entry) {
            log.add(entry
                    + (Thread.currentThread().getName().equals(FakeCoordinatorContext.COORDINATOR_THREAD)
                            ? ""
                            : " OFF-THREAD"));
        }

        @Override
        public void start() {
            record("start");
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            record("request " + subtaskId + " " + requesterHostname);
            Split next = remaining.poll();
            if (next == null) {
                context.signalNoMoreSplits(subtaskId);
            } else {
                context.assignSplit(next, subtaskId);
            }
        }

        @Override
        public void addSplitsBack(List<Split> splits, int subtaskId) {
            record("addSplitsBack " + splits + " " + subtaskId);
            for (int i = splits.size() - 1; i >= 0; i--) {
                remaining.addFirst(splits.get(i));
            }
        }

        @Override
        public void addReader(int subtaskId) {
            record("addReader " + subtaskId);
        }

        @Override
        public void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {
            record("sourceEvent " + subtaskId + " " + sourceEvent);
        }

        @Override
        public Void snapshotState(long checkpointId) {
            return null;
        }

        @Override
        public void close() {
            record("close");
        }
    }
}
