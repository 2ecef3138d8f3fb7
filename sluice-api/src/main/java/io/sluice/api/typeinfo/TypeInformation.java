package io.sluice.api.typeinfo;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.Serializable;

/**
 * Describes the type of a stream's elements and creates its serializer. Obtained from
 * {@link Types}, {@link TypeHint} or {@link TypeInformation#of(Class)}, or extracted from a
 * function's generic signature by {@link TypeExtractor}.
 */
public abstract class TypeInformation<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The type's class (erased). */
    public abstract Class<T> getTypeClass();

    /** Number of fields for composite types (tuples, records, POJOs); 1 otherwise. */
    public abstract int getArity();

    /** Total number of leaf fields, flattening nested composites. */
    public int getTotalFields() {
        return getArity();
    }

    public boolean isBasicType() {
        return false;
    }

    public boolean isTupleType() {
        return false;
    }

    /** True if values can be used as keys (stable hashCode/equals). */
    public boolean isKeyType() {
        return true;
    }

    /**
     * Creates a serializer. Fails with an {@link InvalidTypesException} when the type is generic
     * and the config forbids generic types, or when the type is missing (an erased lambda without
     * {@code returns(...)}).
     */
    public abstract TypeSerializer<T> createSerializer(ExecutionConfig config);

    @Override
    public abstract String toString();

    @Override
    public abstract boolean equals(Object obj);

    @Override
    public abstract int hashCode();

    /** The type information for a class (analysed by {@link TypeExtractor}). */
    public static <T> TypeInformation<T> of(Class<T> type) {
        return TypeExtractor.createTypeInfo(type);
    }

    /** The type information for a generic type captured by a {@link TypeHint}. */
    public static <T> TypeInformation<T> of(TypeHint<T> hint) {
        return hint.getTypeInfo();
    }
}
