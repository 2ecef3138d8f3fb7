package io.sluice.api.typeinfo;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.RecordSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Java record: its components (names and types, declaration order), serialized by
 * {@link RecordSerializer} and built through the canonical constructor. Reference components may be
 * null. Immutable; any thread.
 */
public final class RecordTypeInfo<T> extends CompositeType<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> recordClass;
    private final String[] names;
    private final TypeInformation<?>[] types;

    /** A record type with the given component types (in declaration order). */
    public RecordTypeInfo(Class<T> recordClass, TypeInformation<?>[] componentTypes) {
        this.recordClass = Objects.requireNonNull(recordClass, "recordClass");
        if (!recordClass.isRecord()) {
            throw new InvalidTypesException(recordClass.getName() + " is not a record; use Types.POJO or "
                    + "Types.GENERIC for other classes.");
        }
        RecordComponent[] components = recordClass.getRecordComponents();
        if (components.length != componentTypes.length) {
            throw new InvalidTypesException("Record " + recordClass.getName() + " has " + components.length
                    + " components, but " + componentTypes.length + " types were given.");
        }
        this.names = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName();
        }
        this.types = componentTypes.clone();
    }

    public Class<T> getRecordClass() {
        return recordClass;
    }

    @Override
    public Class<T> getTypeClass() {
        return recordClass;
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
        return new RecordSerializer<>(recordClass, fields);
    }

    @Override
    public String toString() {
        return describeFields(recordClass.getSimpleName());
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RecordTypeInfo<?> other
                && other.recordClass == recordClass
                && Arrays.equals(other.types, types);
    }

    @Override
    public int hashCode() {
        return 31 * recordClass.getName().hashCode() + Arrays.hashCode(types);
    }
}
