package io.sluice.api.typeinfo;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.ObjectArraySerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.lang.reflect.Array;
import java.util.Objects;

/**
 * An array of objects of a known element type ({@code String[]}, {@code Point[]}). Not a key type.
 * Immutable; any thread.
 */
public final class ObjectArrayTypeInfo<T, E> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> arrayClass;
    private final TypeInformation<E> componentInfo;

    private ObjectArrayTypeInfo(Class<T> arrayClass, TypeInformation<E> componentInfo) {
        this.arrayClass = arrayClass;
        this.componentInfo = componentInfo;
    }

    /** The array type whose elements are described by {@code componentInfo}. */
    @SuppressWarnings("unchecked")
    public static <E> ObjectArrayTypeInfo<E[], E> getInfoFor(TypeInformation<E> componentInfo) {
        Objects.requireNonNull(componentInfo, "componentInfo");
        Class<E[]> arrayClass =
                (Class<E[]>) Array.newInstance(componentInfo.getTypeClass(), 0).getClass();
        return new ObjectArrayTypeInfo<>(arrayClass, componentInfo);
    }

    public TypeInformation<E> getComponentInfo() {
        return componentInfo;
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
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return (TypeSerializer<T>) (TypeSerializer<?>)
                new ObjectArraySerializer<>(componentInfo.getTypeClass(), componentInfo.createSerializer(config));
    }

    @Override
    public String toString() {
        return componentInfo + "[]";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ObjectArrayTypeInfo<?, ?> other
                && other.arrayClass == arrayClass
                && other.componentInfo.equals(componentInfo);
    }

    @Override
    public int hashCode() {
        return 31 * arrayClass.getName().hashCode() + componentInfo.hashCode();
    }
}
