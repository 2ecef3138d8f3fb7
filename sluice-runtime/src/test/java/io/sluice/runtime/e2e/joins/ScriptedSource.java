package io.sluice.runtime.e2e.joins;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.InputStatus;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.connector.source.lib.SplitCollectionSerializer;
import io.sluice.api.connector.source.lib.StaticSplitEnumerator;
import io.sluice.api.io.SimpleVersionedSerializer;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A bounded source (run it with parallelism 1) that emits its script in order: elements, and
 * {@link #awaitGate gate steps} at which it waits, without blocking its task, until that {@link
 * Gates gate} opens. So a test orders events across sources deterministically (e.g. "only after the
 * join's watermark passed 20").
 */
final class ScriptedSource<T extends Serializable>
        implements Source<T, ScriptedSource.NoSplit, Collection<ScriptedSource.NoSplit>> {
    private static final long serialVersionUID = 1L;

    /** A script step that waits for a gate. */
    private record AwaitGate(String name) implements Serializable {}

    private final List<Serializable> script = new ArrayList<>();

    /** Appends elements to the script. */
    @SafeVarargs
    final ScriptedSource<T> emit(T... elements) {
        script.addAll(List.of(elements));
        return this;
    }

    /** Appends a step that waits until the gate {@code name} opens. */
    ScriptedSource<T> awaitGate(String name) {
        script.add(new AwaitGate(name));
        return this;
    }

    /** The source has no splits; the type exists because the interface needs one. */
    record NoSplit(String splitId) implements SourceSplit {}

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<NoSplit, Collection<NoSplit>> createEnumerator(SplitEnumeratorContext<NoSplit> context) {
        return new StaticSplitEnumerator<>(context, List.of());
    }

    @Override
    public SplitEnumerator<NoSplit, Collection<NoSplit>> restoreEnumerator(
            SplitEnumeratorContext<NoSplit> context, Collection<NoSplit> checkpoint) {
        return new StaticSplitEnumerator<>(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<NoSplit> getSplitSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 1;
            }

            @Override
            public byte[] serialize(NoSplit split) {
                return split.splitId().getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public NoSplit deserialize(int version, byte[] bytes) {
                return new NoSplit(new String(bytes, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<Collection<NoSplit>> getEnumeratorCheckpointSerializer() {
        return new SplitCollectionSerializer<>(getSplitSerializer());
    }

    @Override
    public SourceReader<T, NoSplit> createReader(SourceReaderContext context) {
        return new SourceReader<>() {
            private int next;

            @Override
            public void start() {}

            @Override
            @SuppressWarnings("unchecked")
            public InputStatus pollNext(ReaderOutput<T> output) {
                while (next < script.size()) {
                    Serializable step = script.get(next);
                    if (step instanceof AwaitGate gate) {
                        if (!Gates.isOpen(gate.name())) {
                            return InputStatus.NOTHING_AVAILABLE;
                        }
                        next++;
                        continue;
                    }
                    next++;
                    output.collect((T) step);
                    return InputStatus.MORE_AVAILABLE;
                }
                return InputStatus.END_OF_INPUT;
            }

            @Override
            public CompletableFuture<Void> isAvailable() {
                if (next < script.size() && script.get(next) instanceof AwaitGate gate) {
                    return Gates.gate(gate.name());
                }
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public List<NoSplit> snapshotState(long checkpointId) {
                return List.of();
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
