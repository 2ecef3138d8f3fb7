package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;

/**
 * Serializes a non-null {@code byte[]}: the length as a varint, then the elements. Stateless; any
 * thread.
 */
public final class BytePrimitiveArraySerializer extends SingletonSerializer<byte[]> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final BytePrimitiveArraySerializer INSTANCE = new BytePrimitiveArraySerializer();

    private static final byte[] EMPTY = new byte[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public byte[] createInstance() {
        return EMPTY;
    }

    @Override
    public byte[] copy(byte[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(byte[] record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.length, target);
        target.write(record);
    }

    @Override
    public byte[] deserialize(DataInputView source) throws IOException {
        int len = VarInts.readLength(source, "byte[]");
        if (len == 0) {
            return EMPTY;
        }
        byte[] result = new byte[len];
        source.readFully(result);
        return result;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
