package io.sluice.api.typeinfo;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.OptionalSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code Optional<E>}. Keeps only the element type ({@code Optional} itself is not
 * Serializable). Immutable; any thread.
 */
public final class OptionalTypeInfo<E> extends TypeInformation<Optional<E>> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<E> elementType;

    public OptionalTypeInfo(TypeInformation<E> elementType) {
        this.elementType = Objects.requireNonNull(elementType, "elementType");
    }

    public TypeInformation<E> getElementTypeInfo() {
        return elementType;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Optional<E>> getTypeClass() {
        return (Class) Optional.class;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public TypeSerializer<Optional<E>> createSerializer(ExecutionConfig config) {
        return new OptionalSerializer<>(elementType.createSerializer(config));
    }

    @Override
    public String toString() {
        return "Optional<" + elementType + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof OptionalTypeInfo<?> other && other.elementType.equals(elementType);
    }

    @Override
    public int hashCode() {
        return 13 * elementType.hashCode() + 7;
    }
}
