package io.sluice.api.typeutils;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Serializes a non-null {@link Optional}: one byte (0 = empty, 1 = present), then the value.
 *
 * <p>Threading: as thread-safe as the value serializer; {@link #duplicate()} follows it.
 */
public final class OptionalSerializer<E> extends TypeSerializer<Optional<E>> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializer<E> valueSerializer;

    public OptionalSerializer(TypeSerializer<E> valueSerializer) {
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
    }

    @Override
    public boolean isImmutableType() {
        return valueSerializer.isImmutableType();
    }

    @Override
    public TypeSerializer<Optional<E>> duplicate() {
        TypeSerializer<E> d = valueSerializer.duplicate();
        return d == valueSerializer ? this : new OptionalSerializer<>(d);
    }

    @Override
    public Optional<E> createInstance() {
        return Optional.empty();
    }

    @Override
    public Optional<E> copy(Optional<E> from) {
        return from.isPresent() && !valueSerializer.isImmutableType()
                ? Optional.of(valueSerializer.copy(from.get()))
                : from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Optional<E> record, DataOutputView target) throws IOException {
        if (record.isPresent()) {
            target.writeByte(1);
            valueSerializer.serialize(record.get(), target);
        } else {
            target.writeByte(0);
        }
    }

    @Override
    public Optional<E> deserialize(DataInputView source) throws IOException {
        return source.readByte() == 0 ? Optional.empty() : Optional.of(valueSerializer.deserialize(source));
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof OptionalSerializer<?> other && other.valueSerializer.equals(valueSerializer);
    }

    @Override
    public int hashCode() {
        return 37 + valueSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "OptionalSerializer<" + valueSerializer + ">";
    }
}
