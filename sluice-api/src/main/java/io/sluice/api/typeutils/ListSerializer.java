package io.sluice.api.typeutils;

import io.sluice.api.typeutils.base.VarInts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Serializes a non-null {@link List}: the size as a varint, then per element a presence byte (0 =
 * null) and the element. Deserializes into an {@link ArrayList}.
 *
 * <p>Threading: as thread-safe as the element serializer; {@link #duplicate()} follows it.
 */
public final class ListSerializer<E> extends TypeSerializer<List<E>> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializer<E> elementSerializer;

    public ListSerializer(TypeSerializer<E> elementSerializer) {
        this.elementSerializer = Objects.requireNonNull(elementSerializer, "elementSerializer");
    }

    public TypeSerializer<E> getElementSerializer() {
        return elementSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<List<E>> duplicate() {
        TypeSerializer<E> d = elementSerializer.duplicate();
        return d == elementSerializer ? this : new ListSerializer<>(d);
    }

    @Override
    public List<E> createInstance() {
        return new ArrayList<>();
    }

    @Override
    public List<E> copy(List<E> from) {
        List<E> result = new ArrayList<>(from.size());
        for (E e : from) {
            result.add(e == null ? null : elementSerializer.copy(e));
        }
        return result;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(List<E> record, DataOutputView target) throws IOException {
        int size = record.size();
        VarInts.writeVarInt(size, target);
        if (record instanceof RandomAccess) {
            for (int i = 0; i < size; i++) {
                writeElement(record.get(i), target);
            }
        } else {
            for (E e : record) {
                writeElement(e, target);
            }
        }
    }

    private void writeElement(E e, DataOutputView target) throws IOException {
        if (e == null) {
            target.writeByte(0);
        } else {
            target.writeByte(1);
            elementSerializer.serialize(e, target);
        }
    }

    @Override
    public List<E> deserialize(DataInputView source) throws IOException {
        int size = VarInts.readLength(source, "List");
        List<E> result = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            result.add(source.readByte() == 0 ? null : elementSerializer.deserialize(source));
        }
        return result;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ListSerializer<?> other && other.elementSerializer.equals(elementSerializer);
    }

    @Override
    public int hashCode() {
        return 17 + elementSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "ListSerializer<" + elementSerializer + ">";
    }
}
