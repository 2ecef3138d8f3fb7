package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;

/**
 * Serializes a non-null {@code short[]}: the length as a varint, then the elements. Stateless; any
 * thread.
 */
public final class ShortPrimitiveArraySerializer extends SingletonSerializer<short[]> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final ShortPrimitiveArraySerializer INSTANCE = new ShortPrimitiveArraySerializer();

    private static final short[] EMPTY = new short[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public short[] createInstance() {
        return EMPTY;
    }

    @Override
    public short[] copy(short[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(short[] record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.length, target);
        for (int i = 0; i < record.length; i++) {
            target.writeShort(record[i]);
        }
    }

    @Override
    public short[] deserialize(DataInputView source) throws IOException {
        int len = VarInts.readLength(source, "short[]");
        if (len == 0) {
            return EMPTY;
        }
        short[] result = new short[len];
        for (int i = 0; i < len; i++) {
            result[i] = source.readShort();
        }
        return result;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
