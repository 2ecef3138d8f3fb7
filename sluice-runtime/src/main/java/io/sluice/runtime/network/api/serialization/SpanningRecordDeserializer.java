package io.sluice.runtime.network.api.serialization;

import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.network.buffer.Buffer;
import java.io.IOException;
import java.util.Arrays;

/**
 * The {@link RecordDeserializer}: a record lying wholly in one buffer is deserialized straight from
 * the buffer's bytes; only a record that spans buffers (including one whose 4-byte length prefix is
 * split) is copied into a reused spill array, so the buffer can be recycled immediately. Allocates
 * nothing per record besides what the serializer's {@code deserialize} creates (the spill array
 * grows to the largest spanning record and is kept).
 *
 * <p>Owned by one task thread; one instance per input channel.
 */
public final class SpanningRecordDeserializer<T> implements RecordDeserializer<T> {
    private static final int LENGTH_PREFIX_BYTES = 4;

    private final TypeSerializer<T> serializer;
    private final DataInputDeserializer view = new DataInputDeserializer();

    private byte[] memory;
    private int position;
    private int limit;

    /** Spanning state: bytes of the length prefix read so far (0..4) and its value so far. */
    private boolean spanning;

    private int lengthBytesRead;
    private int spanningLength;
    private byte[] spill = new byte[256];
    private int spillFilled;

    private T record;

    public SpanningRecordDeserializer(TypeSerializer<T> serializer) {
        this.serializer = serializer;
    }

    @Override
    public void setNextBuffer(Buffer buffer) {
        if (memory != null && position < limit) {
            throw new IllegalStateException("setNextBuffer called while " + (limit - position)
                    + " bytes of the previous buffer are unread: read until the buffer is consumed first");
        }
        this.memory = buffer.getMemory();
        this.position = 0;
        this.limit = buffer.getSize();
    }

    @Override
    public DeserializationResult getNextRecord() throws IOException {
        if (spanning) {
            return continueSpanningRecord();
        }
        int remaining = limit - position;
        if (remaining >= LENGTH_PREFIX_BYTES) {
            int length = readLength(memory, position);
            if (remaining - LENGTH_PREFIX_BYTES >= length) {
                int start = position + LENGTH_PREFIX_BYTES;
                position = start + length;
                deserialize(memory, start, length);
                return endOfRecordResult();
            }
        }
        if (remaining == 0) {
            return consumed();
        }
        spanning = true;
        lengthBytesRead = 0;
        spanningLength = 0;
        spillFilled = 0;
        return continueSpanningRecord();
    }

    private DeserializationResult continueSpanningRecord() throws IOException {
        while (lengthBytesRead < LENGTH_PREFIX_BYTES && position < limit) {
            spanningLength = (spanningLength << 8) | (memory[position++] & 0xFF);
            lengthBytesRead++;
        }
        if (lengthBytesRead < LENGTH_PREFIX_BYTES) {
            return consumed();
        }
        if (spanningLength < 0) {
            throw new IOException("Corrupt record stream: negative record length " + spanningLength);
        }
        if (spill.length < spanningLength) {
            spill = Arrays.copyOf(
                    spill, Math.max(spanningLength, (int) Math.min(Integer.MAX_VALUE - 8, spill.length * 2L)));
        }
        int n = Math.min(spanningLength - spillFilled, limit - position);
        System.arraycopy(memory, position, spill, spillFilled, n);
        spillFilled += n;
        position += n;
        if (spillFilled < spanningLength) {
            return consumed();
        }
        spanning = false;
        deserialize(spill, 0, spanningLength);
        return endOfRecordResult();
    }

    private void deserialize(byte[] bytes, int start, int length) throws IOException {
        view.setBuffer(bytes, start, length);
        record = serializer.deserialize(view);
        if (view.available() != 0) {
            throw new IOException(
                    "Serializer " + serializer.getClass().getName() + " read " + (length - view.available())
                            + " bytes of a " + length + "-byte record: its serialize and deserialize disagree");
        }
    }

    private DeserializationResult endOfRecordResult() {
        if (position == limit) {
            memory = null;
            return DeserializationResult.LAST_RECORD_FROM_BUFFER;
        }
        return DeserializationResult.INTERMEDIATE_RECORD_FROM_BUFFER;
    }

    private DeserializationResult consumed() {
        memory = null;
        position = 0;
        limit = 0;
        return DeserializationResult.PARTIAL_RECORD;
    }

    private static int readLength(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 24)
                | ((bytes[at + 1] & 0xFF) << 16)
                | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }

    @Override
    public T getRecord() {
        return record;
    }

    @Override
    public boolean hasUnfinishedData() {
        return spanning;
    }

    @Override
    public void clear() {
        memory = null;
        position = 0;
        limit = 0;
        spanning = false;
        record = null;
    }
}
