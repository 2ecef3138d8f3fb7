package io.sluice.api.typeutils;

import java.io.IOException;
import java.io.Serializable;

/**
 * Turns values of one type into bytes and back, for the network and for state.
 *
 * <p>Threading: a serializer instance may hold scratch buffers; each task thread uses its own
 * instance, obtained through {@link #duplicate()} (stateless serializers return {@code this}).
 * Serializers travel inside the job graph, so they are {@link Serializable}.
 *
 * <p>Contract: {@code deserialize(serialize(v))} equals {@code v}; {@code serialize} writes the
 * same bytes for equal values (keys are hashed and compared in serialized form by some backends);
 * null is supported only where a serializer says so.
 */
public abstract class TypeSerializer<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** True if values are immutable, so copies may share them. */
    public abstract boolean isImmutableType();

    /** A serializer safe to use from another thread; {@code this} if the serializer is stateless. */
    public abstract TypeSerializer<T> duplicate();

    /** A new instance of the type, as a reuse target (may be null for immutable types). */
    public abstract T createInstance();

    /** A deep copy of the value (the value itself for immutable types). */
    public abstract T copy(T from);

    /** The length in bytes of every serialized value, or -1 if it varies. */
    public abstract int getLength();

    public abstract void serialize(T record, DataOutputView target) throws IOException;

    public abstract T deserialize(DataInputView source) throws IOException;

    /** Deserializes into {@code reuse} where the type is mutable; returns the value read. */
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    /** Copies one serialized value from source to target without materializing it. */
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }
}
