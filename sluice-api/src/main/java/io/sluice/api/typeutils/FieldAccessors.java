package io.sluice.api.typeutils;

import io.sluice.api.tuple.Tuple;
import io.sluice.api.typeinfo.CompositeType;
import io.sluice.api.typeinfo.InvalidTypesException;
import io.sluice.api.typeinfo.PojoTypeInfo;
import io.sluice.api.typeinfo.RecordTypeInfo;
import io.sluice.api.typeinfo.TupleTypeInfo;
import io.sluice.api.typeinfo.TypeInformation;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * Creates {@link FieldAccessor}s by position ({@code sum(1)}) or by name ({@code sum("count")},
 * nested {@code "location.city"}). Positions address tuple fields, record components (declaration
 * order), or position 0 = the whole value of a basic type; names address tuple fields ({@code f0}),
 * record components and POJO fields; {@code "*"} is the whole value. Errors name the type and its
 * fields. Stateless; any thread.
 */
public final class FieldAccessors {
    private FieldAccessors() {}

    /** The accessor of field {@code pos}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T, F> FieldAccessor<T, F> forPosition(TypeInformation<T> type, int pos) {
        if (type instanceof TupleTypeInfo<?> t) {
            checkPosition(type, pos, t.getArity());
            return new TupleField(pos, t.getTypeAt(pos));
        }
        if (type instanceof RecordTypeInfo<?> r) {
            checkPosition(type, pos, r.getArity());
            return new RecordField(r.getTypeClass(), pos, r.getTypeAt(pos));
        }
        if (type instanceof PojoTypeInfo<?> p) {
            throw new InvalidTypesException("Fields of POJO type " + type + " cannot be addressed by position " + pos
                    + ": use the field name instead; available: " + p.describeFieldNames());
        }
        if (type instanceof CompositeType<?>) {
            throw new InvalidTypesException("Type " + type + " does not support positional field access");
        }
        if (pos != 0) {
            throw new InvalidTypesException("Position " + pos + " is not valid for type " + type
                    + ": it is not a tuple or record, so only position 0 (the value itself) exists");
        }
        return new WholeValue(type);
    }

    private static void checkPosition(TypeInformation<?> type, int pos, int arity) {
        if (pos < 0 || pos >= arity) {
            throw new InvalidTypesException("Position " + pos + " is not a field of " + type
                    + (arity == 0 ? ": it has no fields" : ": valid positions are 0 to " + (arity - 1)));
        }
    }

    /** The accessor of a named field; {@code "a.b"} reaches into nested composite fields. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T, F> FieldAccessor<T, F> forName(TypeInformation<T> type, String expression) {
        if (expression == null || expression.isEmpty()) {
            throw new InvalidTypesException("A field expression must not be empty (type " + type + ")");
        }
        if (expression.equals("*")) {
            return new WholeValue(type);
        }
        int dot = expression.indexOf('.');
        String head = dot < 0 ? expression : expression.substring(0, dot);
        if (!(type instanceof CompositeType<?> composite)) {
            throw new InvalidTypesException("Field '" + head + "' does not exist in type " + type
                    + ": it has no named fields; use '*' or position 0 for the value itself");
        }
        int index = composite.getFieldIndex(head);
        if (index < 0) {
            throw new InvalidTypesException("Field '" + head + "' does not exist in type " + type + "; available: "
                    + composite.describeFieldNames());
        }
        FieldAccessor<T, Object> first;
        TypeInformation<?> fieldType = composite.getTypeAt(index);
        if (type instanceof TupleTypeInfo<?>) {
            first = new TupleField(index, fieldType);
        } else if (type instanceof RecordTypeInfo<?>) {
            first = new RecordField(type.getTypeClass(), index, fieldType);
        } else if (type instanceof PojoTypeInfo<?>) {
            first = new PojoField(type.getTypeClass(), head, fieldType);
        } else {
            throw new InvalidTypesException("Type " + type + " does not support named field access");
        }
        if (dot < 0) {
            return (FieldAccessor<T, F>) first;
        }
        FieldAccessor<Object, F> rest = forName((TypeInformation<Object>) fieldType, expression.substring(dot + 1));
        return new Nested<>(first, rest);
    }

    /** The whole value of a (basic) type. */
    private static final class WholeValue<T> implements FieldAccessor<T, T> {
        private static final long serialVersionUID = 1L;
        private final TypeInformation<T> type;

        WholeValue(TypeInformation<T> type) {
            this.type = type;
        }

        @Override
        public T get(T record) {
            return record;
        }

        @Override
        public T set(T record, T value) {
            return value;
        }

        @Override
        public TypeInformation<T> getFieldType() {
            return type;
        }
    }

    private static final class TupleField<T extends Tuple, F> implements FieldAccessor<T, F> {
        private static final long serialVersionUID = 1L;
        private final int pos;
        private final TypeInformation<F> type;

        TupleField(int pos, TypeInformation<F> type) {
            this.pos = pos;
            this.type = type;
        }

        @Override
        public F get(T record) {
            return record.getField(pos);
        }

        @Override
        public T set(T record, F value) {
            record.setField(value, pos);
            return record;
        }

        @Override
        public TypeInformation<F> getFieldType() {
            return type;
        }
    }

    private static final class PojoField<T, F> implements FieldAccessor<T, F> {
        private static final long serialVersionUID = 1L;
        private final Class<T> pojoClass;
        private final String name;
        private final TypeInformation<F> type;
        private transient MethodHandle getter;
        private transient MethodHandle setter;

        PojoField(Class<T> pojoClass, String name, TypeInformation<F> type) {
            this.pojoClass = pojoClass;
            this.name = name;
            this.type = type;
            init();
        }

        private void init() {
            try {
                getter = PojoSerializer.getter(pojoClass, name);
                setter = PojoSerializer.setter(pojoClass, name);
            } catch (ReflectiveOperationException e) {
                throw new InvalidTypesException(
                        "Field '" + name + "' of " + pojoClass.getName() + " cannot be accessed: " + e.getMessage(), e);
            }
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            init();
        }

        @Override
        @SuppressWarnings("unchecked")
        public F get(T record) {
            try {
                return (F) getter.invokeExact((Object) record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("Getter of field '" + name + "' failed", t);
            }
        }

        @Override
        public T set(T record, F value) {
            try {
                setter.invokeExact((Object) record, (Object) value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("Setter of field '" + name + "' failed", t);
            }
            return record;
        }

        @Override
        public TypeInformation<F> getFieldType() {
            return type;
        }
    }

    /** A record component; {@link #set} builds a new record through the canonical constructor. */
    private static final class RecordField<T, F> implements FieldAccessor<T, F> {
        private static final long serialVersionUID = 1L;
        private final Class<T> recordClass;
        private final int index;
        private final TypeInformation<F> type;
        private transient MethodHandle[] getters;
        private transient MethodHandle constructor;

        RecordField(Class<T> recordClass, int index, TypeInformation<F> type) {
            this.recordClass = recordClass;
            this.index = index;
            this.type = type;
            init();
        }

        private void init() {
            RecordComponent[] components = recordClass.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            MethodHandle[] g = new MethodHandle[components.length];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            try {
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    Method accessor = components[i].getAccessor();
                    accessor.setAccessible(true);
                    g[i] = lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
                }
                Constructor<T> ctor = recordClass.getDeclaredConstructor(types);
                ctor.setAccessible(true);
                constructor = lookup.unreflectConstructor(ctor)
                        .asSpreader(Object[].class, components.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new InvalidTypesException("Record " + recordClass.getName() + " cannot be accessed: " + e, e);
            }
            getters = g;
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            init();
        }

        @Override
        @SuppressWarnings("unchecked")
        public F get(T record) {
            try {
                return (F) getters[index].invokeExact((Object) record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("Accessor of component " + index + " failed", t);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public T set(T record, F value) {
            try {
                Object[] args = new Object[getters.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = i == index ? value : getters[i].invokeExact((Object) record);
                }
                return (T) constructor.invokeExact(args);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("Rebuilding record " + recordClass.getName() + " failed", t);
            }
        }

        @Override
        public TypeInformation<F> getFieldType() {
            return type;
        }
    }

    private static final class Nested<T, M, F> implements FieldAccessor<T, F> {
        private static final long serialVersionUID = 1L;
        private final FieldAccessor<T, M> outer;
        private final FieldAccessor<M, F> inner;

        Nested(FieldAccessor<T, M> outer, FieldAccessor<M, F> inner) {
            this.outer = outer;
            this.inner = inner;
        }

        @Override
        public F get(T record) {
            M middle = outer.get(record);
            if (middle == null) {
                throw new NullPointerException("Cannot read a nested field: the enclosing field is null");
            }
            return inner.get(middle);
        }

        @Override
        public T set(T record, F value) {
            M middle = outer.get(record);
            if (middle == null) {
                throw new NullPointerException("Cannot set a nested field: the enclosing field is null");
            }
            return outer.set(record, inner.set(middle, value));
        }

        @Override
        public TypeInformation<F> getFieldType() {
            return inner.getFieldType();
        }
    }
}
