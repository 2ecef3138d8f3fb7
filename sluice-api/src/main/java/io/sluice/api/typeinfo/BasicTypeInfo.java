package io.sluice.api.typeinfo;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.base.BigDecSerializer;
import io.sluice.api.typeutils.base.BigIntSerializer;
import io.sluice.api.typeutils.base.BooleanSerializer;
import io.sluice.api.typeutils.base.ByteSerializer;
import io.sluice.api.typeutils.base.CharSerializer;
import io.sluice.api.typeutils.base.DoubleSerializer;
import io.sluice.api.typeutils.base.FloatSerializer;
import io.sluice.api.typeutils.base.InstantSerializer;
import io.sluice.api.typeutils.base.IntSerializer;
import io.sluice.api.typeutils.base.LocalDateSerializer;
import io.sluice.api.typeutils.base.LongSerializer;
import io.sluice.api.typeutils.base.ShortSerializer;
import io.sluice.api.typeutils.base.StringSerializer;
import io.sluice.api.typeutils.base.VoidSerializer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * A single, atomic value: {@code String}, the boxed primitives, {@code Void}, {@code BigInteger},
 * {@code BigDecimal}, {@code Instant}, {@code LocalDate}. Use the constants (or {@link Types}).
 * Immutable; any thread.
 */
public final class BasicTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    public static final BasicTypeInfo<String> STRING_TYPE_INFO =
            new BasicTypeInfo<>(String.class, new StringSerializer());
    public static final BasicTypeInfo<Boolean> BOOLEAN_TYPE_INFO =
            new BasicTypeInfo<>(Boolean.class, BooleanSerializer.INSTANCE);
    public static final BasicTypeInfo<Byte> BYTE_TYPE_INFO = new BasicTypeInfo<>(Byte.class, ByteSerializer.INSTANCE);
    public static final BasicTypeInfo<Short> SHORT_TYPE_INFO =
            new BasicTypeInfo<>(Short.class, ShortSerializer.INSTANCE);
    public static final BasicTypeInfo<Integer> INT_TYPE_INFO =
            new BasicTypeInfo<>(Integer.class, IntSerializer.INSTANCE);
    public static final BasicTypeInfo<Long> LONG_TYPE_INFO = new BasicTypeInfo<>(Long.class, LongSerializer.INSTANCE);
    public static final BasicTypeInfo<Float> FLOAT_TYPE_INFO =
            new BasicTypeInfo<>(Float.class, FloatSerializer.INSTANCE);
    public static final BasicTypeInfo<Double> DOUBLE_TYPE_INFO =
            new BasicTypeInfo<>(Double.class, DoubleSerializer.INSTANCE);
    public static final BasicTypeInfo<Character> CHAR_TYPE_INFO =
            new BasicTypeInfo<>(Character.class, CharSerializer.INSTANCE);
    public static final BasicTypeInfo<Void> VOID_TYPE_INFO = new BasicTypeInfo<>(Void.class, VoidSerializer.INSTANCE);
    public static final BasicTypeInfo<BigInteger> BIG_INT_TYPE_INFO =
            new BasicTypeInfo<>(BigInteger.class, BigIntSerializer.INSTANCE);
    public static final BasicTypeInfo<BigDecimal> BIG_DEC_TYPE_INFO =
            new BasicTypeInfo<>(BigDecimal.class, BigDecSerializer.INSTANCE);
    public static final BasicTypeInfo<Instant> INSTANT_TYPE_INFO =
            new BasicTypeInfo<>(Instant.class, InstantSerializer.INSTANCE);
    public static final BasicTypeInfo<LocalDate> LOCAL_DATE_TYPE_INFO =
            new BasicTypeInfo<>(LocalDate.class, LocalDateSerializer.INSTANCE);

    private static final Map<Class<?>, BasicTypeInfo<?>> BY_CLASS = Map.ofEntries(
            Map.entry(String.class, STRING_TYPE_INFO),
            Map.entry(Boolean.class, BOOLEAN_TYPE_INFO),
            Map.entry(boolean.class, BOOLEAN_TYPE_INFO),
            Map.entry(Byte.class, BYTE_TYPE_INFO),
            Map.entry(byte.class, BYTE_TYPE_INFO),
            Map.entry(Short.class, SHORT_TYPE_INFO),
            Map.entry(short.class, SHORT_TYPE_INFO),
            Map.entry(Integer.class, INT_TYPE_INFO),
            Map.entry(int.class, INT_TYPE_INFO),
            Map.entry(Long.class, LONG_TYPE_INFO),
            Map.entry(long.class, LONG_TYPE_INFO),
            Map.entry(Float.class, FLOAT_TYPE_INFO),
            Map.entry(float.class, FLOAT_TYPE_INFO),
            Map.entry(Double.class, DOUBLE_TYPE_INFO),
            Map.entry(double.class, DOUBLE_TYPE_INFO),
            Map.entry(Character.class, CHAR_TYPE_INFO),
            Map.entry(char.class, CHAR_TYPE_INFO),
            Map.entry(Void.class, VOID_TYPE_INFO),
            Map.entry(void.class, VOID_TYPE_INFO),
            Map.entry(BigInteger.class, BIG_INT_TYPE_INFO),
            Map.entry(BigDecimal.class, BIG_DEC_TYPE_INFO),
            Map.entry(Instant.class, INSTANT_TYPE_INFO),
            Map.entry(LocalDate.class, LOCAL_DATE_TYPE_INFO));

    private final Class<T> clazz;
    private final TypeSerializer<T> serializer;

    private BasicTypeInfo(Class<T> clazz, TypeSerializer<T> serializer) {
        this.clazz = clazz;
        this.serializer = serializer;
    }

    /** The basic type info for a class (primitives map to their box), or null if it is not basic. */
    @SuppressWarnings("unchecked")
    public static <T> BasicTypeInfo<T> getInfoFor(Class<T> type) {
        return (BasicTypeInfo<T>) BY_CLASS.get(Objects.requireNonNull(type, "type"));
    }

    @Override
    public Class<T> getTypeClass() {
        return clazz;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public boolean isBasicType() {
        return true;
    }

    @Override
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return serializer.duplicate();
    }

    /** Keeps the constants unique across Java serialization. */
    private Object readResolve() {
        BasicTypeInfo<?> constant = BY_CLASS.get(clazz);
        return constant != null ? constant : this;
    }

    @Override
    public String toString() {
        return clazz.getSimpleName();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof BasicTypeInfo<?> other && other.clazz == clazz;
    }

    @Override
    public int hashCode() {
        return clazz.getName().hashCode();
    }
}
