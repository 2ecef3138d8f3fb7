package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;

/**
 * Serializes a non-null {@code int[]}: the length as a varint, then the elements. Stateless; any
 * thread.
 */
public final class IntPrimitiveArraySerializer extends SingletonSerializer<int[]> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final IntPrimitiveArraySerializer INSTANCE = new IntPrimitiveArraySerializer();

    private static final int[] EMPTY = new int[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public int[] createInstance() {
        return EMPTY;
    }

    @Override
    public int[] copy(int[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(int[] record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.length, target);
        for (int i = 0; i < record.length; i++) {
            target.writeInt(record[i]);
        }
    }

    @Override
    public int[] deserialize(DataInputView source) throws IOException {
        int len = VarInts.readLength(source, "int[]");
        if (len == 0) {
            return EMPTY;
        }
        int[] result = new int[len];
        for (int i = 0; i < len; i++) {
            result[i] = source.readInt();
        }
        return result;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
