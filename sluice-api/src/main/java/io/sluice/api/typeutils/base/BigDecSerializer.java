package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Serializes a {@code BigDecimal}, null included: the unscaled value as by {@link BigIntSerializer}
 * (null marks a null decimal), then the scale as an int. {@code 1.0} and {@code 1.00} are different
 * values here, as in {@link BigDecimal#equals}. Stateless; any thread.
 */
public final class BigDecSerializer extends SingletonSerializer<BigDecimal> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final BigDecSerializer INSTANCE = new BigDecSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public BigDecimal createInstance() {
        return BigDecimal.ZERO;
    }

    @Override
    public BigDecimal copy(BigDecimal from) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(BigDecimal record, DataOutputView target) throws IOException {
        if (record == null) {
            BigIntSerializer.INSTANCE.serialize(null, target);
            return;
        }
        BigIntSerializer.INSTANCE.serialize(record.unscaledValue(), target);
        target.writeInt(record.scale());
    }

    @Override
    public BigDecimal deserialize(DataInputView source) throws IOException {
        BigInteger unscaled = BigIntSerializer.INSTANCE.deserialize(source);
        if (unscaled == null) {
            return null;
        }
        return new BigDecimal(unscaled, source.readInt());
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
