package io.sluice.api.typeutils;

import io.sluice.api.tuple.Tuple;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializes a tuple field by field with one serializer per field; no header, no field names.
 * Fields must not be null: a null field fails with an error naming the field.
 *
 * <p>Threading: as thread-safe as its field serializers; {@link #duplicate()} duplicates them and
 * returns {@code this} when they are all stateless.
 */
public final class TupleSerializer<T extends Tuple> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> tupleClass;
    private final TypeSerializer<Object>[] fieldSerializers;
    private final String typeName;
    private final int arity;
    private final boolean plainTupleClass;
    private transient MethodHandle constructor;

    /**
     * @param tupleClass {@code Tuple2.class} etc., or a subclass with a public no-arg constructor
     * @param fieldSerializers one per field
     * @param typeName the type as shown in errors, e.g. {@code Tuple2<String, Long>}
     */
    @SuppressWarnings("unchecked")
    public TupleSerializer(Class<T> tupleClass, TypeSerializer<?>[] fieldSerializers, String typeName) {
        this.tupleClass = Objects.requireNonNull(tupleClass, "tupleClass");
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        this.typeName = typeName;
        this.arity = fieldSerializers.length;
        this.plainTupleClass = arity <= Tuple.MAX_ARITY && Tuple.getTupleClass(arity) == tupleClass;
        init();
    }

    private TupleSerializer(TupleSerializer<T> base, TypeSerializer<Object>[] fieldSerializers) {
        this.tupleClass = base.tupleClass;
        this.fieldSerializers = fieldSerializers;
        this.typeName = base.typeName;
        this.arity = base.arity;
        this.plainTupleClass = base.plainTupleClass;
        this.constructor = base.constructor;
    }

    private void init() {
        if (plainTupleClass) {
            return;
        }
        try {
            constructor = MethodHandles.publicLookup()
                    .findConstructor(tupleClass, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Tuple.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(
                    "Tuple class " + tupleClass.getName() + " needs a public no-argument constructor", e);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        init();
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<Object>[] dup = CompositeSerializers.duplicateAll(fieldSerializers);
        return dup == fieldSerializers ? this : new TupleSerializer<>(this, dup);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T createInstance() {
        if (plainTupleClass) {
            return (T) Tuple.newInstance(arity);
        }
        try {
            return (T) (Tuple) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("The constructor of " + tupleClass.getName() + " failed", t);
        }
    }

    @Override
    public T copy(T from) {
        T result = createInstance();
        for (int i = 0; i < arity; i++) {
            result.setField(fieldSerializers[i].copy(from.getField(i)), i);
        }
        return result;
    }

    @Override
    public int getLength() {
        return CompositeSerializers.fixedLength(fieldSerializers);
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        for (int i = 0; i < arity; i++) {
            Object value = record.getField(i);
            if (value == null) {
                throw nullField(i);
            }
            fieldSerializers[i].serialize(value, target);
        }
    }

    private NullPointerException nullField(int pos) {
        return new NullPointerException("Field f" + pos + " of " + typeName + " is null, but tuple fields must "
                + "not be null. Set the field, or use a record or POJO (they allow null fields) or an Optional.");
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        T result = createInstance();
        for (int i = 0; i < arity; i++) {
            result.setField(fieldSerializers[i].deserialize(source), i);
        }
        return result;
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        if (reuse == null || reuse.getClass() != tupleClass) {
            return deserialize(source);
        }
        for (int i = 0; i < arity; i++) {
            Object old = reuse.getField(i);
            reuse.setField(
                    old == null
                            ? fieldSerializers[i].deserialize(source)
                            : fieldSerializers[i].deserialize(old, source),
                    i);
        }
        return reuse;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        for (int i = 0; i < arity; i++) {
            fieldSerializers[i].copy(source, target);
        }
    }

    /** The serializer of field {@code pos}. */
    public TypeSerializer<Object> getFieldSerializer(int pos) {
        return fieldSerializers[pos];
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TupleSerializer<?> other
                && other.tupleClass == tupleClass
                && Arrays.equals(other.fieldSerializers, fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * tupleClass.getName().hashCode() + Arrays.hashCode(fieldSerializers);
    }

    @Override
    public String toString() {
        return "TupleSerializer<" + typeName + ">";
    }
}
