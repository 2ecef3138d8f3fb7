package io.sluice.api.typeinfo;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.ListSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.util.List;
import java.util.Objects;

/** A {@code List<E>} with a known element type; values deserialize as {@code ArrayList}. Immutable; any thread. */
public final class ListTypeInfo<E> extends TypeInformation<List<E>> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<E> elementType;

    public ListTypeInfo(TypeInformation<E> elementType) {
        this.elementType = Objects.requireNonNull(elementType, "elementType");
    }

    public TypeInformation<E> getElementTypeInfo() {
        return elementType;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<List<E>> getTypeClass() {
        return (Class) List.class;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public TypeSerializer<List<E>> createSerializer(ExecutionConfig config) {
        return new ListSerializer<>(elementType.createSerializer(config));
    }

    @Override
    public String toString() {
        return "List<" + elementType + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ListTypeInfo<?> other && other.elementType.equals(elementType);
    }

    @Override
    public int hashCode() {
        return 17 * elementType.hashCode() + 1;
    }
}
