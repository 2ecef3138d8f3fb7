package io.sluice.runtime.e2e.eventtime;

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
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A source whose subtask {@code i} emits exactly the longs the test {@link Channel#offer offers}
 * to channel {@code i} (on the main reader output, without a timestamp), and ends when the test
 * {@link Channel#end ends} that channel. In between its reader idles without blocking the task,
 * so the test decides when each subtask emits.
 */
final class ChannelSource implements Source<Long, ChannelSource.NoSplit, Collection<ChannelSource.NoSplit>> {
    private static final long serialVersionUID = 1L;
    private static final ConcurrentHashMap<String, Channel> CHANNELS = new ConcurrentHashMap<>();

    private final String name;

    private ChannelSource(String name) {
        this.name = name;
    }

    /** A source for {@code parallelism} subtasks, reading fresh channels named after {@code name}. */
    static ChannelSource create(String name, int parallelism) {
        for (int i = 0; i < parallelism; i++) {
            CHANNELS.put(name + "#" + i, new Channel());
        }
        return new ChannelSource(name);
    }

    Channel channel(int subtask) {
        return CHANNELS.get(name + "#" + subtask);
    }

    /** What the test offered to one subtask; thread-safe. */
    static final class Channel {
        private final ArrayDeque<Long> queue = new ArrayDeque<>();
        private boolean ended;
        private CompletableFuture<Void> available = new CompletableFuture<>();

        synchronized void offer(long... values) {
            for (long v : values) {
                queue.add(v);
            }
            available.complete(null);
        }

        synchronized void end() {
            ended = true;
            available.complete(null);
        }

        synchronized Long poll() {
            return queue.poll();
        }

        synchronized boolean isEnded() {
            return ended && queue.isEmpty();
        }

        synchronized CompletableFuture<Void> available() {
            if (!queue.isEmpty() || ended) {
                return CompletableFuture.completedFuture(null);
            }
            if (available.isDone()) {
                available = new CompletableFuture<>();
            }
            return available;
        }
    }

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
    public SourceReader<Long, NoSplit> createReader(SourceReaderContext context) {
        Channel ch = channel(context.getIndexOfSubtask());
        return new SourceReader<>() {
            @Override
            public void start() {}

            @Override
            public InputStatus pollNext(ReaderOutput<Long> output) {
                Long v = ch.poll();
                if (v != null) {
                    output.collect(v);
                    return InputStatus.MORE_AVAILABLE;
                }
                return ch.isEnded() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
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
