package io.sluice.api.typeutils;

import io.sluice.api.typeinfo.InvalidTypesException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Objects;

/**
 * Serializes a POJO field by field (fields in name order) through {@link MethodHandle}s resolved
 * once: public fields directly, other fields through their public getter and setter.
 *
 * <p>Format: a bitmask (bit 0: "value is a subclass", bit j+1: "nullable field j is null"; 1 byte
 * for up to 7 nullable fields), then the non-null fields. A value whose class is a subclass of the
 * POJO class is written whole by the generic Fory serializer after the mask instead (slow; fails if
 * generic types are disabled).
 *
 * <p>Threading: one instance per thread ({@link #duplicate()} returns a new one).
 */
public final class PojoSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> pojoClass;
    private final String[] fieldNames;
    private final TypeSerializer<Object>[] fieldSerializers;
    private final int[] nullable;
    private final boolean genericTypesAllowed;

    private transient MethodHandle constructor;
    private transient MethodHandle[] getters;
    private transient MethodHandle[] setters;
    /** Per field: {@link PrimitiveFields} kind, and getters/setters typed with the primitive. */
    private transient byte[] kinds;

    private transient MethodHandle[] primitiveGetters;
    private transient MethodHandle[] primitiveSetters;
    private transient ForySerializer<T> subclassSerializer;

    /**
     * @param fieldNames the fields, sorted by name
     * @param fieldSerializers one per field
     * @param genericTypesAllowed whether subclass values may fall back to Fory
     */
    @SuppressWarnings("unchecked")
    public PojoSerializer(
            Class<T> pojoClass,
            String[] fieldNames,
            TypeSerializer<?>[] fieldSerializers,
            boolean genericTypesAllowed) {
        this.pojoClass = Objects.requireNonNull(pojoClass, "pojoClass");
        this.fieldNames = fieldNames.clone();
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        this.genericTypesAllowed = genericTypesAllowed;
        init();
        int[] n = new int[fieldNames.length];
        int count = 0;
        for (int i = 0; i < fieldNames.length; i++) {
            if (!findField(pojoClass, fieldNames[i]).getType().isPrimitive()) {
                n[count++] = i;
            }
        }
        if (count > 63) {
            throw new IllegalArgumentException("POJO " + pojoClass.getName() + " has " + count
                    + " reference-typed fields; the POJO serializer supports at most 63");
        }
        this.nullable = Arrays.copyOf(n, count);
    }

    private PojoSerializer(PojoSerializer<T> base, TypeSerializer<Object>[] fieldSerializers) {
        this.pojoClass = base.pojoClass;
        this.fieldNames = base.fieldNames;
        this.fieldSerializers = fieldSerializers;
        this.nullable = base.nullable;
        this.genericTypesAllowed = base.genericTypesAllowed;
        this.constructor = base.constructor;
        this.getters = base.getters;
        this.setters = base.setters;
        this.kinds = base.kinds;
        this.primitiveGetters = base.primitiveGetters;
        this.primitiveSetters = base.primitiveSetters;
    }

    /** Finds a field declared by the class or one of its superclasses. */
    static Field findField(Class<?> clazz, String name) {
        for (Class<?> c = clazz; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalArgumentException("POJO " + clazz.getName() + " has no field '" + name + "'");
    }

    /** The getter ({@code (Object)Object}) of a POJO field: the public field itself or its getter. */
    static MethodHandle getter(Class<?> clazz, String name) throws ReflectiveOperationException {
        Field f = findField(clazz, name);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle h;
        if (Modifier.isPublic(f.getModifiers())) {
            f.setAccessible(true);
            h = lookup.unreflectGetter(f);
        } else {
            String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            Method m = findMethod(clazz, "get" + cap, f.getType());
            if (m == null && (f.getType() == boolean.class || f.getType() == Boolean.class)) {
                m = findMethod(clazz, "is" + cap, f.getType());
            }
            if (m == null) {
                throw new NoSuchMethodException("POJO " + clazz.getName() + ": field '" + name
                        + "' is not public and has no public getter get" + cap + "()");
            }
            m.setAccessible(true);
            h = lookup.unreflect(m);
        }
        return h.asType(MethodType.methodType(Object.class, Object.class));
    }

    /** The setter ({@code (Object,Object)void}) of a POJO field: the public field or its setter. */
    static MethodHandle setter(Class<?> clazz, String name) throws ReflectiveOperationException {
        Field f = findField(clazz, name);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle h;
        if (Modifier.isPublic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())) {
            f.setAccessible(true);
            h = lookup.unreflectSetter(f);
        } else {
            String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            Method m = null;
            for (Method candidate : clazz.getMethods()) {
                if (candidate.getName().equals("set" + cap)
                        && candidate.getParameterCount() == 1
                        && candidate.getParameterTypes()[0] == f.getType()) {
                    m = candidate;
                    break;
                }
            }
            if (m == null) {
                throw new NoSuchMethodException("POJO " + clazz.getName() + ": field '" + name
                        + "' is not public and has no public setter set" + cap + "("
                        + f.getType().getSimpleName()
                        + ")");
            }
            m.setAccessible(true);
            h = lookup.unreflect(m).asType(MethodType.methodType(void.class, clazz, f.getType()));
        }
        return h.asType(MethodType.methodType(void.class, Object.class, Object.class));
    }

    private static Method findMethod(Class<?> clazz, String name, Class<?> returnType) {
        try {
            Method m = clazz.getMethod(name);
            return m.getReturnType() == returnType ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private void init() {
        MethodHandle[] g = new MethodHandle[fieldNames.length];
        MethodHandle[] s = new MethodHandle[fieldNames.length];
        MethodHandle[] pg = new MethodHandle[fieldNames.length];
        MethodHandle[] ps = new MethodHandle[fieldNames.length];
        byte[] k = new byte[fieldNames.length];
        try {
            Constructor<T> ctor = pojoClass.getConstructor();
            ctor.setAccessible(true);
            constructor = MethodHandles.lookup().unreflectConstructor(ctor).asType(MethodType.methodType(Object.class));
            for (int i = 0; i < fieldNames.length; i++) {
                g[i] = getter(pojoClass, fieldNames[i]);
                s[i] = setter(pojoClass, fieldNames[i]);
                Class<?> type = findField(pojoClass, fieldNames[i]).getType();
                k[i] = PrimitiveFields.kindOf(type);
                if (k[i] != PrimitiveFields.OBJECT) {
                    pg[i] = g[i].asType(MethodType.methodType(type, Object.class));
                    ps[i] = s[i].asType(MethodType.methodType(void.class, Object.class, type));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "Class " + pojoClass.getName() + " cannot be serialized as a POJO: " + e.getMessage(), e);
        }
        getters = g;
        setters = s;
        primitiveGetters = pg;
        primitiveSetters = ps;
        kinds = k;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        init();
    }

    private Object get(Object record, int i) {
        try {
            return getters[i].invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(
                    "Getter of field '" + fieldNames[i] + "' of " + pojoClass.getName() + " failed", t);
        }
    }

    private void set(Object record, int i, Object value) {
        try {
            setters[i].invokeExact(record, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(
                    "Setter of field '" + fieldNames[i] + "' of " + pojoClass.getName() + " failed", t);
        }
    }

    private ForySerializer<T> subclassSerializer() {
        if (!genericTypesAllowed) {
            throw new InvalidTypesException("A subclass of POJO " + pojoClass.getName() + " reached its serializer, "
                    + "but subclasses need the generic (Fory) serializer and generic types are disabled. Emit only "
                    + pojoClass.getSimpleName() + " itself, or declare the subclass as the stream's type.");
        }
        ForySerializer<T> s = subclassSerializer;
        if (s == null) {
            s = new ForySerializer<>(pojoClass);
            subclassSerializer = s;
        }
        return s;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new PojoSerializer<>(this, CompositeSerializers.duplicateAll(fieldSerializers));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T createInstance() {
        try {
            return (T) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("The no-argument constructor of " + pojoClass.getName() + " failed", t);
        }
    }

    @Override
    public T copy(T from) {
        if (from.getClass() != pojoClass) {
            return subclassSerializer().copy(from);
        }
        T result = createInstance();
        for (int i = 0; i < fieldSerializers.length; i++) {
            Object v = get(from, i);
            set(result, i, v == null ? null : fieldSerializers[i].copy(v));
        }
        return result;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        int[] nullable = this.nullable;
        int bits = nullable.length + 1;
        if (record.getClass() != pojoClass) {
            CompositeSerializers.writeMask(1L, bits, target);
            subclassSerializer().serialize(record, target);
            return;
        }
        long mask = 0;
        for (int j = 0; j < nullable.length; j++) {
            if (get(record, nullable[j]) == null) {
                mask |= 2L << j;
            }
        }
        CompositeSerializers.writeMask(mask, bits, target);
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
            throw PrimitiveFields.rethrow(t, "Serializing POJO " + pojoClass.getName());
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return deserialize(null, source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        int[] nullable = this.nullable;
        long mask = CompositeSerializers.readMask(source, nullable.length + 1);
        if ((mask & 1L) != 0) {
            return subclassSerializer().deserialize(source);
        }
        T result = reuse != null && reuse.getClass() == pojoClass ? reuse : createInstance();
        TypeSerializer<Object>[] serializers = fieldSerializers;
        int nullIdx = 0;
        for (int i = 0; i < serializers.length; i++) {
            if (nullIdx < nullable.length && nullable[nullIdx] == i) {
                boolean isNull = (mask & (2L << nullIdx)) != 0;
                nullIdx++;
                if (isNull) {
                    set(result, i, null);
                    continue;
                }
            }
            byte kind = kinds[i];
            if (kind == PrimitiveFields.OBJECT) {
                set(result, i, serializers[i].deserialize(source));
            } else {
                try {
                    PrimitiveFields.readInto(kind, primitiveSetters[i], result, source);
                } catch (Throwable t) {
                    throw PrimitiveFields.rethrow(t, "Setting field '" + fieldNames[i] + "' of " + pojoClass.getName());
                }
            }
        }
        return result;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PojoSerializer<?> other
                && other.pojoClass == pojoClass
                && Arrays.equals(other.fieldNames, fieldNames)
                && Arrays.equals(other.fieldSerializers, fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * pojoClass.getName().hashCode() + Arrays.hashCode(fieldSerializers);
    }

    @Override
    public String toString() {
        return "PojoSerializer<" + pojoClass.getName() + ">";
    }
}
