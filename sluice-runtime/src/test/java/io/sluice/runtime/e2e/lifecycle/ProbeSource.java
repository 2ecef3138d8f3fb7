package io.sluice.runtime.e2e.lifecycle;

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
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An unbounded source (run it with parallelism 1) that emits exactly the longs the test
 * {@link Channel#offer offers} to its channel and otherwise idles without blocking its task: its
 * reader says NOTHING_AVAILABLE and hands out a future the next offer completes. So a test
 * controls when a record enters the job and nothing else fills the network buffers.
 */
final class ProbeSource implements Source<Long, ProbeSource.NoSplit, Collection<ProbeSource.NoSplit>> {
    private static final long serialVersionUID = 1L;
    private static final ConcurrentHashMap<String, Channel> CHANNELS = new ConcurrentHashMap<>();

    private final String channel;

    private ProbeSource(String channel) {
        this.channel = channel;
    }

    /** A source reading a fresh channel named {@code name}; the test offers records through {@link #channel}. */
    static ProbeSource create(String name) {
        CHANNELS.put(name, new Channel());
        return new ProbeSource(name);
    }

    static Channel channel(String name) {
        return CHANNELS.get(name);
    }

    /** Records offered by the test, taken by the reader; thread-safe. */
    static final class Channel {
        private final ArrayDeque<Long> queue = new ArrayDeque<>();
        private CompletableFuture<Void> available = new CompletableFuture<>();

        synchronized void offer(long value) {
            queue.add(value);
            available.complete(null);
        }

        synchronized Long poll() {
            return queue.poll();
        }

        synchronized CompletableFuture<Void> available() {
            if (!queue.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            if (available.isDone()) {
                available = new CompletableFuture<>();
            }
            return available;
        }
    }

    /** The source has no splits; the type exists because the interface needs one. */
    record NoSplit(String splitId) implements SourceSplit {}

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
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
                return split.splitId().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }

            @Override
            public NoSplit deserialize(int version, byte[] bytes) {
                return new NoSplit(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<Collection<NoSplit>> getEnumeratorCheckpointSerializer() {
        return new SplitCollectionSerializer<>(getSplitSerializer());
    }

    @Override
    public SourceReader<Long, NoSplit> createReader(SourceReaderContext context) {
        Channel ch = CHANNELS.get(channel);
        return new SourceReader<>() {
            @Override
            public void start() {}

            @Override
            public InputStatus pollNext(ReaderOutput<Long> output) {
                Long v = ch.poll();
                if (v == null) {
                    return InputStatus.NOTHING_AVAILABLE;
                }
                output.collect(v);
                return InputStatus.MORE_AVAILABLE;
            }

            @Override
            public List<NoSplit> snapshotState(long checkpointId) {
                return List.of();
            }

            @Override
            public CompletableFuture<Void> isAvailable() {
                return ch.available();
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
