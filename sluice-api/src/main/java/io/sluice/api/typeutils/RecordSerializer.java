package io.sluice.api.typeutils;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializes a Java record component by component, in declaration order, and builds the result
 * through the canonical constructor (a {@link MethodHandle} resolved once).
 *
 * <p>Format: a null bitmask over the reference-typed components ({@code ceil(n/8)} bytes, none if
 * every component is primitive), then each non-null component.
 *
 * <p>Threading: one instance per thread ({@link #duplicate()}): deserialization fills a scratch
 * argument array. Nested records of the same type are handled (the scratch array is taken, not
 * shared, while in use).
 */
public final class RecordSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> recordClass;
    private final TypeSerializer<Object>[] fieldSerializers;
    /** Component indexes that may be null (reference types), in order. */
    private final int[] nullable;

    private transient MethodHandle[] getters;
    /** Per component: {@link PrimitiveFields} kind; primitive getters return the primitive. */
    private transient byte[] kinds;

    private transient MethodHandle[] primitiveGetters;
    private transient MethodHandle constructor;
    private transient Object[] scratchArgs;

    @SuppressWarnings("unchecked")
    public RecordSerializer(Class<T> recordClass, TypeSerializer<?>[] fieldSerializers) {
        this.recordClass = Objects.requireNonNull(recordClass, "recordClass");
        if (!recordClass.isRecord()) {
            throw new IllegalArgumentException(recordClass.getName() + " is not a record class");
        }
        RecordComponent[] components = recordClass.getRecordComponents();
        if (components.length != fieldSerializers.length) {
            throw new IllegalArgumentException("Record " + recordClass.getName() + " has " + components.length
                    + " components but " + fieldSerializers.length + " serializers were given");
        }
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        int[] n = new int[components.length];
        int count = 0;
        for (int i = 0; i < components.length; i++) {
            if (!components[i].getType().isPrimitive()) {
                n[count++] = i;
            }
        }
        this.nullable = Arrays.copyOf(n, count);
        if (count > 64) {
            throw new IllegalArgumentException("Record " + recordClass.getName() + " has " + count
                    + " reference-typed components; the record serializer supports at most 64");
        }
        init();
    }

    private RecordSerializer(RecordSerializer<T> base, TypeSerializer<Object>[] fieldSerializers) {
        this.recordClass = base.recordClass;
        this.fieldSerializers = fieldSerializers;
        this.nullable = base.nullable;
        this.getters = base.getters;
        this.kinds = base.kinds;
        this.primitiveGetters = base.primitiveGetters;
        this.constructor = base.constructor;
    }

    private void init() {
        RecordComponent[] components = recordClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        MethodHandle[] g = new MethodHandle[components.length];
        MethodHandle[] pg = new MethodHandle[components.length];
        byte[] k = new byte[components.length];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                Method accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                g[i] = lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
                k[i] = PrimitiveFields.kindOf(types[i]);
                if (k[i] != PrimitiveFields.OBJECT) {
                    pg[i] = lookup.unreflect(accessor).asType(MethodType.methodType(types[i], Object.class));
                }
            }
            Constructor<T> ctor = recordClass.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            constructor = lookup.unreflectConstructor(ctor)
                    .asSpreader(Object[].class, components.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "Cannot access record " + recordClass.getName()
                            + ": its canonical constructor and accessors must be accessible (open the package to Sluice "
                            + "if it is in a named module)",
                    e);
        }
        getters = g;
        primitiveGetters = pg;
        kinds = k;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        init();
    }

    /** Reads component {@code i} of a record; used by field accessors too. */
    Object get(T record, int i) {
        try {
            return getters[i].invokeExact((Object) record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(
                    "Accessor of component " + i + " of " + recordClass.getName() + " failed", t);
        }
    }

    /** Builds a record from its components, in declaration order. */
    @SuppressWarnings("unchecked")
    T construct(Object[] args) {
        try {
            return (T) constructor.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("The canonical constructor of " + recordClass.getName() + " failed", t);
        }
    }

    @Override
    public boolean isImmutableType() {
        return CompositeSerializers.allImmutable(fieldSerializers);
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new RecordSerializer<>(this, CompositeSerializers.duplicateAll(fieldSerializers));
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        if (isImmutableType()) {
            return from;
        }
        Object[] args = new Object[fieldSerializers.length];
        for (int i = 0; i < args.length; i++) {
            Object v = get(from, i);
            args[i] = v == null ? null : fieldSerializers[i].copy(v);
        }
        return construct(args);
    }

    @Override
    public int getLength() {
        return nullable.length == 0 ? CompositeSerializers.fixedLength(fieldSerializers) : -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        int[] nullable = this.nullable;
        long mask = 0;
        for (int j = 0; j < nullable.length; j++) {
            if (get(record, nullable[j]) == null) {
                mask |= 1L << j;
            }
        }
        CompositeSerializers.writeMask(mask, nullable.length, target);
        TypeSerializer<Object>[] serializers = fieldSerializers;
        byte[] kinds = this.kinds;
        try {
            for (int i = 0; i < serializers.length; i++) {
                if (kinds[i] != PrimitiveFields.OBJECT) {
                    PrimitiveFields.write(kinds[i], primitiveGetters[i], record, target);
                } else {
                    Object v = getters[i].invokeExact((Object) record);
                    if (v != null) {
                        serializers[i].serialize(v, target);
                    }
                }
            }
        } catch (Throwable t) {
            throw PrimitiveFields.rethrow(t, "Serializing record " + recordClass.getName());
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        TypeSerializer<Object>[] serializers = fieldSerializers;
        Object[] args = scratchArgs;
        scratchArgs = null;
        if (args == null) {
            args = new Object[serializers.length];
        }
        int[] nullable = this.nullable;
        long mask = CompositeSerializers.readMask(source, nullable.length);
        int nullIdx = 0;
        for (int i = 0; i < serializers.length; i++) {
            if (nullIdx < nullable.length && nullable[nullIdx] == i) {
                boolean isNull = (mask & (1L << nullIdx)) != 0;
                nullIdx++;
                if (isNull) {
                    args[i] = null;
                    continue;
                }
            }
            byte kind = kinds[i];
            args[i] = kind == PrimitiveFields.OBJECT
                    ? serializers[i].deserialize(source)
                    : PrimitiveFields.readBoxed(kind, source);
        }
        T result = construct(args);
        Arrays.fill(args, null);
        scratchArgs = args;
        return result;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RecordSerializer<?> other
                && other.recordClass == recordClass
                && Arrays.equals(other.fieldSerializers, fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * recordClass.getName().hashCode() + Arrays.hashCode(fieldSerializers);
    }

    @Override
    public String toString() {
        return "RecordSerializer<" + recordClass.getName() + ">";
    }
}
