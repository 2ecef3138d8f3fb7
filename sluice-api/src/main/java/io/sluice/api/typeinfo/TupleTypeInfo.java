package io.sluice.api.typeinfo;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.tuple.Tuple;
import io.sluice.api.typeutils.TupleSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A tuple type: the tuple class ({@code Tuple2} or a subclass) and one type per field. Fields are
 * named {@code f0}, {@code f1}, …. Immutable; any thread.
 */
public final class TupleTypeInfo<T extends Tuple> extends CompositeType<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> tupleClass;
    private final TypeInformation<?>[] types;

    public TupleTypeInfo(Class<T> tupleClass, TypeInformation<?>... types) {
        this.tupleClass = Objects.requireNonNull(tupleClass, "tupleClass");
        this.types = types.clone();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == null) {
                throw new InvalidTypesException("The type of field f" + i + " of " + tupleClass.getSimpleName()
                        + " is null: pass a TypeInformation for every field.");
            }
        }
        if (types.length > Tuple.MAX_ARITY) {
            throw new InvalidTypesException(
                    "Tuples have at most " + Tuple.MAX_ARITY + " fields, but " + types.length + " types were given.");
        }
    }

    /** The plain {@code TupleN} type with the given field types. */
    @SuppressWarnings("unchecked")
    public static <T extends Tuple> TupleTypeInfo<T> of(TypeInformation<?>... types) {
        if (types.length > Tuple.MAX_ARITY) {
            throw new InvalidTypesException(
                    "Tuples have at most " + Tuple.MAX_ARITY + " fields, but " + types.length + " types were given.");
        }
        return new TupleTypeInfo<>((Class<T>) Tuple.getTupleClass(types.length), types);
    }

    @Override
    public Class<T> getTypeClass() {
        return tupleClass;
    }

    @Override
    public int getArity() {
        return types.length;
    }

    @Override
    public boolean isTupleType() {
        return true;
    }

    @Override
    public String[] getFieldNames() {
        String[] names = new String[types.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = "f" + i;
        }
        return names;
    }

    @Override
    public TypeInformation<?> getTypeAt(int pos) {
        return types[pos];
    }

    @Override
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        TypeSerializer<?>[] fields = new TypeSerializer<?>[types.length];
        for (int i = 0; i < types.length; i++) {
            fields[i] = types[i].createSerializer(config);
        }
        return new TupleSerializer<>(tupleClass, fields, toString());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(tupleClass.getSimpleName()).append('<');
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(types[i]);
        }
        return sb.append('>').toString();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TupleTypeInfo<?> other
                && other.tupleClass == tupleClass
                && Arrays.equals(other.types, types);
    }

    @Override
    public int hashCode() {
        return 31 * tupleClass.getName().hashCode() + Arrays.hashCode(types);
    }
}
