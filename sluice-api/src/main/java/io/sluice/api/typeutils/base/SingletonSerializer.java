package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.TypeSerializer;

/**
 * Base of stateless serializers: any thread may use one instance, so {@link #duplicate()} returns
 * {@code this}; two instances of the same class are equal.
 */
public abstract class SingletonSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public final TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().getName().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
