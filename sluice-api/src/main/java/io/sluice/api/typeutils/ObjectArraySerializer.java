package io.sluice.api.typeutils;

import io.sluice.api.typeutils.base.VarInts;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Objects;

/**
 * Serializes a non-null array of objects ({@code String[]}, {@code MyRecord[]}, …): the length as a
 * varint, then per element a presence byte (0 = null) and the element.
 *
 * <p>Threading: as thread-safe as the element serializer; {@link #duplicate()} follows it.
 */
public final class ObjectArraySerializer<E> extends TypeSerializer<E[]> {
    private static final long serialVersionUID = 1L;

    private final Class<E> componentClass;
    private final TypeSerializer<E> elementSerializer;

    public ObjectArraySerializer(Class<E> componentClass, TypeSerializer<E> elementSerializer) {
        this.componentClass = Objects.requireNonNull(componentClass, "componentClass");
        this.elementSerializer = Objects.requireNonNull(elementSerializer, "elementSerializer");
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<E[]> duplicate() {
        TypeSerializer<E> d = elementSerializer.duplicate();
        return d == elementSerializer ? this : new ObjectArraySerializer<>(componentClass, d);
    }

    @SuppressWarnings("unchecked")
    private E[] newArray(int len) {
        return (E[]) Array.newInstance(componentClass, len);
    }

    @Override
    public E[] createInstance() {
        return newArray(0);
    }

    @Override
    public E[] copy(E[] from) {
        E[] result = newArray(from.length);
        for (int i = 0; i < from.length; i++) {
            E e = from[i];
            result[i] = e == null ? null : elementSerializer.copy(e);
        }
        return result;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(E[] record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.length, target);
        for (E e : record) {
            if (e == null) {
                target.writeByte(0);
            } else {
                target.writeByte(1);
                elementSerializer.serialize(e, target);
            }
        }
    }

    @Override
    public E[] deserialize(DataInputView source) throws IOException {
        int len = VarInts.readLength(source, componentClass.getSimpleName() + "[]");
        E[] result = newArray(len);
        for (int i = 0; i < len; i++) {
            if (source.readByte() != 0) {
                result[i] = elementSerializer.deserialize(source);
            }
        }
        return result;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ObjectArraySerializer<?> other
                && other.componentClass == componentClass
                && other.elementSerializer.equals(elementSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * componentClass.getName().hashCode() + elementSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "ObjectArraySerializer<" + elementSerializer + ">";
    }
}
