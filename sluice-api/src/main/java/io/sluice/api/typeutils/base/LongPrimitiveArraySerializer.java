package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;

/**
 * Serializes a non-null {@code long[]}: the length as a varint, then the elements. Stateless; any
 * thread.
 */
public final class LongPrimitiveArraySerializer extends SingletonSerializer<long[]> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final LongPrimitiveArraySerializer INSTANCE = new LongPrimitiveArraySerializer();

    private static final long[] EMPTY = new long[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public long[] createInstance() {
        return EMPTY;
    }

    @Override
    public long[] copy(long[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(long[] record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.length, target);
        for (int i = 0; i < record.length; i++) {
            target.writeLong(record[i]);
        }
    }

    @Override
    public long[] deserialize(DataInputView source) throws IOException {
        int len = VarInts.readLength(source, "long[]");
        if (len == 0) {
            return EMPTY;
        }
        long[] result = new long[len];
        for (int i = 0; i < len; i++) {
            result[i] = source.readLong();
        }
        return result;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
