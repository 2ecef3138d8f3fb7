package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;

/**
 * Serializes a non-null {@code boolean[]}: the length as a varint, then the elements. Stateless; any
 * thread.
 */
public final class BooleanPrimitiveArraySerializer extends SingletonSerializer<boolean[]> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final BooleanPrimitiveArraySerializer INSTANCE = new BooleanPrimitiveArraySerializer();

    private static final boolean[] EMPTY = new boolean[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public boolean[] createInstance() {
        return EMPTY;
    }

    @Override
    public boolean[] copy(boolean[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(boolean[] record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.length, target);
        for (int i = 0; i < record.length; i++) {
            target.writeBoolean(record[i]);
        }
    }

    @Override
    public boolean[] deserialize(DataInputView source) throws IOException {
        int len = VarInts.readLength(source, "boolean[]");
        if (len == 0) {
            return EMPTY;
        }
        boolean[] result = new boolean[len];
        for (int i = 0; i < len; i++) {
            result[i] = source.readBoolean();
        }
        return result;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
