package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;

/**
 * Serializes a non-null {@code double[]}: the length as a varint, then the elements. Stateless; any
 * thread.
 */
public final class DoublePrimitiveArraySerializer extends SingletonSerializer<double[]> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final DoublePrimitiveArraySerializer INSTANCE = new DoublePrimitiveArraySerializer();

    private static final double[] EMPTY = new double[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public double[] createInstance() {
        return EMPTY;
    }

    @Override
    public double[] copy(double[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(double[] record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.length, target);
        for (int i = 0; i < record.length; i++) {
            target.writeDouble(record[i]);
        }
    }

    @Override
    public double[] deserialize(DataInputView source) throws IOException {
        int len = VarInts.readLength(source, "double[]");
        if (len == 0) {
            return EMPTY;
        }
        double[] result = new double[len];
        for (int i = 0; i < len; i++) {
            result[i] = source.readDouble();
        }
        return result;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
