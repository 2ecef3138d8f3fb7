package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;

/**
 * Serializes a non-null {@code float[]}: the length as a varint, then the elements. Stateless; any
 * thread.
 */
public final class FloatPrimitiveArraySerializer extends SingletonSerializer<float[]> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final FloatPrimitiveArraySerializer INSTANCE = new FloatPrimitiveArraySerializer();

    private static final float[] EMPTY = new float[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public float[] createInstance() {
        return EMPTY;
    }

    @Override
    public float[] copy(float[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(float[] record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.length, target);
        for (int i = 0; i < record.length; i++) {
            target.writeFloat(record[i]);
        }
    }

    @Override
    public float[] deserialize(DataInputView source) throws IOException {
        int len = VarInts.readLength(source, "float[]");
        if (len == 0) {
            return EMPTY;
        }
        float[] result = new float[len];
        for (int i = 0; i < len; i++) {
            result[i] = source.readFloat();
        }
        return result;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
