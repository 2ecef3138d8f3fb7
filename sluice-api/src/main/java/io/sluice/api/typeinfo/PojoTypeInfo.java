package io.sluice.api.typeinfo;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.PojoSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A POJO: a public class with a public no-argument constructor whose non-static, non-transient
 * fields are public or have a public getter and setter. Fields are ordered by name; any
 * non-primitive field may be null. Serialized by {@link PojoSerializer}. Immutable; any thread.
 */
public final class PojoTypeInfo<T> extends CompositeType<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> pojoClass;
    private final String[] names;
    private final TypeInformation<?>[] types;

    /** A POJO type with the given fields (any order; they are sorted by name). */
    public PojoTypeInfo(Class<T> pojoClass, Map<String, TypeInformation<?>> fields) {
        this.pojoClass = Objects.requireNonNull(pojoClass, "pojoClass");
        TreeMap<String, TypeInformation<?>> sorted = new TreeMap<>(fields);
        this.names = sorted.keySet().toArray(new String[0]);
        this.types = sorted.values().toArray(new TypeInformation<?>[0]);
    }

    public Class<T> getPojoClass() {
        return pojoClass;
    }

    @Override
    public Class<T> getTypeClass() {
        return pojoClass;
    }

    @Override
    public int getArity() {
        return types.length;
    }

    @Override
    public String[] getFieldNames() {
        return names.clone();
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
        boolean generic = config == null || !config.hasGenericTypesDisabled();
        return new PojoSerializer<>(pojoClass, names, fields, generic);
    }

    @Override
    public String toString() {
        return describeFields(pojoClass.getSimpleName());
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PojoTypeInfo<?> other
                && other.pojoClass == pojoClass
                && Arrays.equals(other.names, names)
                && Arrays.equals(other.types, types);
    }

    @Override
    public int hashCode() {
        return 31 * pojoClass.getName().hashCode() + Arrays.hashCode(types);
    }
}
