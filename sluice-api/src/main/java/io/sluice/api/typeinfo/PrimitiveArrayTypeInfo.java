package io.sluice.api.typeinfo;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.base.BooleanPrimitiveArraySerializer;
import io.sluice.api.typeutils.base.BytePrimitiveArraySerializer;
import io.sluice.api.typeutils.base.CharPrimitiveArraySerializer;
import io.sluice.api.typeutils.base.DoublePrimitiveArraySerializer;
import io.sluice.api.typeutils.base.FloatPrimitiveArraySerializer;
import io.sluice.api.typeutils.base.IntPrimitiveArraySerializer;
import io.sluice.api.typeutils.base.LongPrimitiveArraySerializer;
import io.sluice.api.typeutils.base.ShortPrimitiveArraySerializer;
import java.util.Map;

/**
 * An array of primitives ({@code byte[]}, {@code int[]}, …). Not a key type (arrays have identity
 * equality). Immutable; any thread.
 */
public final class PrimitiveArrayTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    public static final PrimitiveArrayTypeInfo<byte[]> BYTE_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(byte[].class, BytePrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<boolean[]> BOOLEAN_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(boolean[].class, BooleanPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<short[]> SHORT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(short[].class, ShortPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<char[]> CHAR_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(char[].class, CharPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<int[]> INT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(int[].class, IntPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<long[]> LONG_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(long[].class, LongPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<float[]> FLOAT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(float[].class, FloatPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<double[]> DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(double[].class, DoublePrimitiveArraySerializer.INSTANCE);

    private static final Map<Class<?>, PrimitiveArrayTypeInfo<?>> BY_CLASS = Map.of(
            byte[].class, BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
            boolean[].class, BOOLEAN_PRIMITIVE_ARRAY_TYPE_INFO,
            short[].class, SHORT_PRIMITIVE_ARRAY_TYPE_INFO,
            char[].class, CHAR_PRIMITIVE_ARRAY_TYPE_INFO,
            int[].class, INT_PRIMITIVE_ARRAY_TYPE_INFO,
            long[].class, LONG_PRIMITIVE_ARRAY_TYPE_INFO,
            float[].class, FLOAT_PRIMITIVE_ARRAY_TYPE_INFO,
            double[].class, DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO);

    private final Class<T> arrayClass;
    private final TypeSerializer<T> serializer;

    private PrimitiveArrayTypeInfo(Class<T> arrayClass, TypeSerializer<T> serializer) {
        this.arrayClass = arrayClass;
        this.serializer = serializer;
    }

    /** The type info for a primitive array class, or null if it is not one. */
    @SuppressWarnings("unchecked")
    public static <T> PrimitiveArrayTypeInfo<T> getInfoFor(Class<T> type) {
        return (PrimitiveArrayTypeInfo<T>) BY_CLASS.get(type);
    }

    @Override
    public Class<T> getTypeClass() {
        return arrayClass;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return serializer;
    }

    private Object readResolve() {
        return BY_CLASS.get(arrayClass);
    }

    @Override
    public String toString() {
        return arrayClass.getSimpleName();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PrimitiveArrayTypeInfo<?> other && other.arrayClass == arrayClass;
    }

    @Override
    public int hashCode() {
        return arrayClass.getName().hashCode();
    }
}
