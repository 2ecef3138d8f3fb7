package io.sluice.api.typeinfo;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.base.EnumSerializer;
import java.util.Objects;

/**
 * An enum type, serialized by ordinal ({@link EnumSerializer}). Immutable; any thread.
 */
public final class EnumTypeInfo<E extends Enum<E>> extends TypeInformation<E> {
    private static final long serialVersionUID = 1L;

    private final Class<E> enumClass;

    public EnumTypeInfo(Class<E> enumClass) {
        this.enumClass = Objects.requireNonNull(enumClass, "enumClass");
        if (!enumClass.isEnum()) {
            throw new InvalidTypesException(enumClass.getName() + " is not an enum; use Types.ENUM only for enums.");
        }
    }

    @Override
    public Class<E> getTypeClass() {
        return enumClass;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public TypeSerializer<E> createSerializer(ExecutionConfig config) {
        return new EnumSerializer<>(enumClass);
    }

    @Override
    public String toString() {
        return "Enum<" + enumClass.getSimpleName() + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof EnumTypeInfo<?> other && other.enumClass == enumClass;
    }

    @Override
    public int hashCode() {
        return enumClass.getName().hashCode();
    }
}
