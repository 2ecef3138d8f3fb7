package io.sluice.api.typeinfo;

import io.sluice.api.tuple.Tuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Type information for common types, to pass to {@code returns(...)}, state descriptors and
 * sources: {@code Types.TUPLE(Types.STRING, Types.LONG)}. Stateless; any thread.
 */
public final class Types {
    private Types() {}

    public static final TypeInformation<Void> VOID = BasicTypeInfo.VOID_TYPE_INFO;
    public static final TypeInformation<String> STRING = BasicTypeInfo.STRING_TYPE_INFO;
    public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE_TYPE_INFO;
    public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN_TYPE_INFO;
    public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT_TYPE_INFO;
    public static final TypeInformation<Integer> INT = BasicTypeInfo.INT_TYPE_INFO;
    public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG_TYPE_INFO;
    public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT_TYPE_INFO;
    public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE_TYPE_INFO;
    public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR_TYPE_INFO;
    public static final TypeInformation<BigInteger> BIG_INT = BasicTypeInfo.BIG_INT_TYPE_INFO;
    public static final TypeInformation<BigDecimal> BIG_DEC = BasicTypeInfo.BIG_DEC_TYPE_INFO;
    public static final TypeInformation<Instant> INSTANT = BasicTypeInfo.INSTANT_TYPE_INFO;
    public static final TypeInformation<LocalDate> LOCAL_DATE = BasicTypeInfo.LOCAL_DATE_TYPE_INFO;

    /** A plain {@code TupleN} with the given field types. */
    public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... types) {
        return TupleTypeInfo.of(types);
    }

    /** A tuple subclass whose field types its generic superclass binds ({@code class WC extends Tuple2<String, Long>}). */
    public static <T extends Tuple> TypeInformation<T> TUPLE(Class<T> tupleSubclass) {
        TypeInformation<T> info = TypeExtractor.createTypeInfo(tupleSubclass);
        if (!(info instanceof TupleTypeInfo)) {
            throw new InvalidTypesException(tupleSubclass.getName() + " is not a tuple type: " + info);
        }
        return info;
    }

    /** A POJO, analysed from the class; fails with the reason if it is not a POJO. */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
        return TypeExtractor.createPojoTypeInfo(pojoClass);
    }

    /** A POJO with explicitly given field types (every field must be listed). */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass, Map<String, TypeInformation<?>> fields) {
        PojoTypeInfo<T> analysed = TypeExtractor.createPojoTypeInfo(pojoClass);
        java.util.Set<String> expected = new java.util.TreeSet<>(List.of(analysed.getFieldNames()));
        if (!expected.equals(new java.util.TreeSet<>(fields.keySet()))) {
            throw new InvalidTypesException("POJO " + pojoClass.getName() + " has fields " + expected + ", but types "
                    + "were given for " + new java.util.TreeSet<>(fields.keySet()) + ": give one type per field.");
        }
        return new PojoTypeInfo<>(pojoClass, fields);
    }

    /** A Java record, analysed from the class. */
    public static <T> TypeInformation<T> RECORD(Class<T> recordClass) {
        return TypeExtractor.createRecordTypeInfo(recordClass);
    }

    /** A type serialized by the generic (Fory) serializer, on purpose (no warning). */
    public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
        return new GenericTypeInfo<>(genericClass);
    }

    /** An array of primitives: {@code PRIMITIVE_ARRAY(Types.INT)} is {@code int[]}. */
    @SuppressWarnings("unchecked")
    public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
        Class<?> c = elementType.getTypeClass();
        Class<?> primitive = c == Byte.class
                ? byte.class
                : c == Boolean.class
                        ? boolean.class
                        : c == Short.class
                                ? short.class
                                : c == Character.class
                                        ? char.class
                                        : c == Integer.class
                                                ? int.class
                                                : c == Long.class
                                                        ? long.class
                                                        : c == Float.class
                                                                ? float.class
                                                                : c == Double.class ? double.class : null;
        if (primitive == null || !elementType.isBasicType()) {
            throw new InvalidTypesException(
                    elementType + " is not a primitive type; use OBJECT_ARRAY for arrays of " + "objects.");
        }
        return PrimitiveArrayTypeInfo.getInfoFor(
                java.lang.reflect.Array.newInstance(primitive, 0).getClass());
    }

    /** An array of objects: {@code OBJECT_ARRAY(Types.STRING)} is {@code String[]}. */
    public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
        return ObjectArrayTypeInfo.getInfoFor(elementType);
    }

    public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumClass) {
        return new EnumTypeInfo<>(enumClass);
    }

    public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
        return new ListTypeInfo<>(elementType);
    }

    public static <K, V> TypeInformation<Map<K, V>> MAP(TypeInformation<K> keyType, TypeInformation<V> valueType) {
        return new MapTypeInfo<>(keyType, valueType);
    }

    public static <E> TypeInformation<Optional<E>> OPTIONAL(TypeInformation<E> elementType) {
        return new OptionalTypeInfo<>(elementType);
    }
}
