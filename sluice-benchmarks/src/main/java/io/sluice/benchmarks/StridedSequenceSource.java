package io.sluice.benchmarks;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.connector.source.lib.SequentialSplitReader;
import io.sluice.api.connector.source.lib.SplitCollectionSerializer;
import io.sluice.api.connector.source.lib.StaticSplitEnumerator;
import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The indices {@code 0..n-1}, split k of K (K = source parallelism) emitting k, k+K, k+2K, ... in
 * order, as the Flink peer's P3 source does: all readers move through event time together, like a
 * Nexmark generator, so the watermark (the minimum over readers) keeps up with every reader.
 */
public final class StridedSequenceSource
        implements Source<Long, StridedSequenceSource.Split, Collection<StridedSequenceSource.Split>> {
    private static final long serialVersionUID = 1L;

    private final long n;

    public StridedSequenceSource(long n) {
        this.n = n;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<Split, Collection<Split>> createEnumerator(SplitEnumeratorContext<Split> context) {
        int k = Math.max(1, context.currentParallelism());
        List<Split> splits = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            splits.add(new Split(String.valueOf(s), s, k, n));
        }
        return new StaticSplitEnumerator<>(context, splits);
    }

    @Override
    public SplitEnumerator<Split, Collection<Split>> restoreEnumerator(
            SplitEnumeratorContext<Split> context, Collection<Split> checkpoint) {
        return new StaticSplitEnumerator<>(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<Split> getSplitSerializer() {
        return new SplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<Split>> getEnumeratorCheckpointSerializer() {
        return new SplitCollectionSerializer<>(new SplitSerializer());
    }

    @Override
    public SourceReader<Long, Split> createReader(SourceReaderContext context) {
        return new Reader(context);
    }

    /** The progression {@code next, next+stride, ...} below {@code end}. */
    public record Split(String splitId, long next, long stride, long end) implements SourceSplit {}

    static final class Reader extends SequentialSplitReader<Long, Split> {
        private Split split;
        private long next;

        Reader(SourceReaderContext context) {
            super(context);
        }

        @Override
        protected void openSplit(Split split) {
            this.split = split;
            this.next = split.next();
        }

        @Override
        protected boolean emitBatch(ReaderOutput<Long> output) {
            long stride = split.stride();
            long end = split.end();
            long i = next;
            for (int c = 0; c < BATCH_SIZE && i < end; c++, i += stride) {
                output.collect(i);
            }
            next = i;
            return i >= end;
        }

        @Override
        protected Split currentSplitState() {
            return new Split(split.splitId(), next, split.stride(), split.end());
        }
    }

    static final class SplitSerializer implements SimpleVersionedSerializer<Split> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Split split) throws IOException {
            DataOutputSerializer out = new DataOutputSerializer(40);
            out.writeUTF(split.splitId());
            out.writeLong(split.next());
            out.writeLong(split.stride());
            out.writeLong(split.end());
            return out.getCopyOfBuffer();
        }

        @Override
        public Split deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("Unknown StridedSequenceSource split version " + version);
            }
            DataInputDeserializer in = new DataInputDeserializer(serialized);
            return new Split(in.readUTF(), in.readLong(), in.readLong(), in.readLong());
        }
    }
}
