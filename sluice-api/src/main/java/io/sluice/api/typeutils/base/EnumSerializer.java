package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.Objects;

/**
 * Serializes a non-null enum constant as its <b>ordinal</b> (varint): compact and fast, but
 * reordering or inserting constants changes the meaning of stored state. Stateless apart from an
 * immutable cache of the constants, so {@link #duplicate()} returns {@code this}; any thread.
 */
public final class EnumSerializer<E extends Enum<E>> extends TypeSerializer<E> {
    private static final long serialVersionUID = 1L;

    private final Class<E> enumClass;
    private transient E[] values;

    public EnumSerializer(Class<E> enumClass) {
        this.enumClass = Objects.requireNonNull(enumClass, "enumClass");
        if (!enumClass.isEnum()) {
            throw new IllegalArgumentException(enumClass.getName() + " is not an enum class");
        }
    }

    private E[] values() {
        E[] v = values;
        if (v == null) {
            v = enumClass.getEnumConstants();
            values = v;
        }
        return v;
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<E> duplicate() {
        return this;
    }

    @Override
    public E createInstance() {
        E[] v = values();
        return v.length == 0 ? null : v[0];
    }

    @Override
    public E copy(E from) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(E record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.ordinal(), target);
    }

    @Override
    public E deserialize(DataInputView source) throws IOException {
        int ordinal = VarInts.readVarInt(source);
        E[] v = values();
        if (ordinal < 0 || ordinal >= v.length) {
            throw new IOException("Enum " + enumClass.getName() + " has no constant with ordinal " + ordinal
                    + " (it has " + v.length + "): the data was written with another version of the enum");
        }
        return v[ordinal];
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof EnumSerializer<?> other && other.enumClass == enumClass;
    }

    @Override
    public int hashCode() {
        return enumClass.getName().hashCode();
    }

    @Override
    public String toString() {
        return "EnumSerializer<" + enumClass.getName() + ">";
    }
}
