package io.sluice.api.connector.source.lib;

import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A bounded source of a fixed list of elements, behind {@code fromData} / {@code fromCollection}.
 *
 * <p>The elements are serialized with the given {@link TypeSerializer} when the source is built, so
 * they need not be {@link java.io.Serializable}, and later changes to the caller's objects do not
 * leak into the job. There is one split; its reader emits the elements in the given order, and a
 * checkpointed split holds the index of the next element. Meant to run with parallelism 1 (the
 * DataStream API enforces it); at a higher parallelism the other readers emit nothing.
 *
 * <p>Null elements are rejected: serializers need not support null.
 */
public final class FromElementsSource<T> implements Source<T, FromElementsSplit, Collection<FromElementsSplit>> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> serializer;
    private final byte[] serializedElements;
    private final int count;

    public FromElementsSource(TypeSerializer<T> serializer, Collection<? extends T> elements) {
        this.serializer = serializer;
        DataOutputSerializer out = new DataOutputSerializer(64);
        int index = 0;
        for (T element : elements) {
            if (element == null) {
                throw new IllegalArgumentException(
                        "FromElementsSource: element " + index + " is null; null elements are not supported");
            }
            try {
                serializer.serialize(element, out);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(
                        "FromElementsSource: could not serialize element " + index + " of type "
                                + element.getClass().getName() + " with "
                                + serializer.getClass().getName()
                                + "; is it the right serializer for the elements?",
                        e);
            }
            index++;
        }
        this.serializedElements = out.getCopyOfBuffer();
        this.count = index;
    }

    // The array is only read (copied into bytes), so the varargs are safe.
    @SafeVarargs
    @SuppressWarnings("varargs")
    public FromElementsSource(TypeSerializer<T> serializer, T... elements) {
        this(serializer, Arrays.asList(elements));
    }

    /** How many elements the source emits. */
    public int getNumberOfElements() {
        return count;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<FromElementsSplit, Collection<FromElementsSplit>> createEnumerator(
            SplitEnumeratorContext<FromElementsSplit> enumContext) {
        return new StaticSplitEnumerator<>(enumContext, List.of(new FromElementsSplit(0)));
    }

    @Override
    public SplitEnumerator<FromElementsSplit, Collection<FromElementsSplit>> restoreEnumerator(
            SplitEnumeratorContext<FromElementsSplit> enumContext, Collection<FromElementsSplit> checkpoint) {
        return new StaticSplitEnumerator<>(enumContext, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<FromElementsSplit> getSplitSerializer() {
        return new FromElementsSplit.Serializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<FromElementsSplit>> getEnumeratorCheckpointSerializer() {
        return new SplitCollectionSerializer<>(new FromElementsSplit.Serializer());
    }

    @Override
    public SourceReader<T, FromElementsSplit> createReader(SourceReaderContext readerContext) {
        return new Reader<>(readerContext, serializer.duplicate(), serializedElements, count);
    }

    /** Deserializes and emits the elements; task thread only. */
    static final class Reader<T> extends SequentialSplitReader<T, FromElementsSplit> {
        private final TypeSerializer<T> serializer;
        private final byte[] bytes;
        private final int count;
        private final DataInputDeserializer in = new DataInputDeserializer();
        private int position;

        Reader(SourceReaderContext context, TypeSerializer<T> serializer, byte[] bytes, int count) {
            super(context);
            this.serializer = serializer;
            this.bytes = bytes;
            this.count = count;
        }

        @Override
        protected void openSplit(FromElementsSplit split) throws IOException {
            if (split.position() > count) {
                throw new IOException("FromElementsSource: checkpointed position " + split.position()
                        + " is beyond the " + count + " elements of this source; was the job changed?");
            }
            in.setBuffer(bytes);
            for (position = 0; position < split.position(); position++) {
                serializer.deserialize(in);
            }
        }

        @Override
        protected boolean emitBatch(ReaderOutput<T> output) throws IOException {
            final int stop = Math.min(count, position + BATCH_SIZE);
            for (int i = position; i < stop; i++) {
                output.collect(serializer.deserialize(in));
            }
            position = stop;
            return stop == count;
        }

        @Override
        protected FromElementsSplit currentSplitState() {
            return new FromElementsSplit(position);
        }
    }
}
