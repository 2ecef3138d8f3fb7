package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;

/**
 * Serializes a non-null {@code char[]}: the length as a varint, then the elements. Stateless; any
 * thread.
 */
public final class CharPrimitiveArraySerializer extends SingletonSerializer<char[]> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final CharPrimitiveArraySerializer INSTANCE = new CharPrimitiveArraySerializer();

    private static final char[] EMPTY = new char[0];

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public char[] createInstance() {
        return EMPTY;
    }

    @Override
    public char[] copy(char[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(char[] record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.length, target);
        for (int i = 0; i < record.length; i++) {
            target.writeChar(record[i]);
        }
    }

    @Override
    public char[] deserialize(DataInputView source) throws IOException {
        int len = VarInts.readLength(source, "char[]");
        if (len == 0) {
            return EMPTY;
        }
        char[] result = new char[len];
        for (int i = 0; i < len; i++) {
            result[i] = source.readChar();
        }
        return result;
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
