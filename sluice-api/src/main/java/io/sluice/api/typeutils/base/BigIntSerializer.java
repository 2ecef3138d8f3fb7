package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Serializes a {@code BigInteger}, null included: varint {@code 0} for null, else the two's
 * complement byte length + 1, then the bytes. Stateless; any thread.
 */
public final class BigIntSerializer extends SingletonSerializer<BigInteger> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final BigIntSerializer INSTANCE = new BigIntSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public BigInteger createInstance() {
        return BigInteger.ZERO;
    }

    @Override
    public BigInteger copy(BigInteger from) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(BigInteger record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeByte(0);
            return;
        }
        byte[] b = record.toByteArray();
        VarInts.writeVarInt(b.length + 1, target);
        target.write(b);
    }

    @Override
    public BigInteger deserialize(DataInputView source) throws IOException {
        int len = VarInts.readLength(source, "BigInteger");
        if (len == 0) {
            return null;
        }
        byte[] b = new byte[len - 1];
        source.readFully(b);
        return new BigInteger(b);
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
