package io.sluice.api.connector.source.lib;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.io.SimpleVersionedSerializer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A bounded source of the longs {@code from, from+1, ..., to} (both inclusive), the source of the
 * throughput benchmarks.
 *
 * <p>The enumerator cuts the range into {@code min(parallelism, count)} contiguous splits of
 * (almost) equal size, in ascending order, and hands them out on request; each reader emits its
 * splits' numbers in ascending order, {@link SequentialSplitReader#BATCH_SIZE} per
 * {@code pollNext}. A checkpointed split starts at the next number not yet emitted.
 *
 * <p>The source object is immutable and serializable; see {@link SequentialSplitReader} for the
 * reader's threading.
 */
public final class NumberSequenceSource implements Source<Long, NumberSequenceSplit, Collection<NumberSequenceSplit>> {
    private static final long serialVersionUID = 1L;

    private final long from;
    private final long to;

    public NumberSequenceSource(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException(
                    "NumberSequenceSource: 'from' (" + from + ") must not be greater than 'to' (" + to + ")");
        }
        this.from = from;
        this.to = to;
    }

    public long getFrom() {
        return from;
    }

    public long getTo() {
        return to;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    /** Cuts {@code [from, to]} into {@code min(numSplits, count)} contiguous ascending splits. */
    public List<NumberSequenceSplit> split(int numSplits) {
        if (numSplits < 1) {
            throw new IllegalArgumentException("numSplits must be at least 1, was " + numSplits);
        }
        BigInteger start = BigInteger.valueOf(from);
        BigInteger count = BigInteger.valueOf(to).subtract(start).add(BigInteger.ONE);
        int n = count.min(BigInteger.valueOf(numSplits)).intValueExact();
        BigInteger[] sizeAndRest = count.divideAndRemainder(BigInteger.valueOf(n));
        long rest = sizeAndRest[1].longValueExact();
        List<NumberSequenceSplit> splits = new ArrayList<>(n);
        BigInteger next = start;
        for (int i = 0; i < n; i++) {
            BigInteger size = i < rest ? sizeAndRest[0].add(BigInteger.ONE) : sizeAndRest[0];
            BigInteger last = next.add(size).subtract(BigInteger.ONE);
            splits.add(new NumberSequenceSplit(String.valueOf(i), next.longValueExact(), last.longValueExact()));
            next = last.add(BigInteger.ONE);
        }
        return splits;
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> enumContext) {
        return new StaticSplitEnumerator<>(enumContext, split(enumContext.currentParallelism()));
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> enumContext, Collection<NumberSequenceSplit> checkpoint) {
        return new StaticSplitEnumerator<>(enumContext, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
        return new NumberSequenceSplit.Serializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
        return new SplitCollectionSerializer<>(new NumberSequenceSplit.Serializer());
    }

    @Override
    public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext readerContext) {
        return new Reader(readerContext);
    }

    /** Emits the numbers of its splits; task thread only. */
    static final class Reader extends SequentialSplitReader<Long, NumberSequenceSplit> {
        private String splitId;
        private long next;
        private long last;

        Reader(SourceReaderContext context) {
            super(context);
        }

        @Override
        protected void openSplit(NumberSequenceSplit split) {
            splitId = split.splitId();
            next = split.from();
            last = split.to();
        }

        @Override
        protected boolean emitBatch(ReaderOutput<Long> output) {
            final long start = next;
            // last - start may exceed Long.MAX_VALUE for huge ranges: compare unsigned.
            final long remainingMinusOne = last - start;
            final boolean finishes = Long.compareUnsigned(remainingMinusOne, BATCH_SIZE) < 0;
            final int count = finishes ? (int) remainingMinusOne + 1 : BATCH_SIZE;
            for (int i = 0; i < count; i++) {
                output.collect(start + i);
            }
            if (!finishes) {
                next = start + count;
            }
            return finishes;
        }

        @Override
        protected NumberSequenceSplit currentSplitState() {
            return new NumberSequenceSplit(splitId, next, last);
        }
    }
}
