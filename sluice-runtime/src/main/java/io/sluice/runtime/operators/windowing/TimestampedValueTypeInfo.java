package io.sluice.runtime.operators.windowing;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.windowing.evictors.TimestampedValue;
import java.io.IOException;

/**
 * The elements an evicting window keeps: the element type's own serializer plus the timestamp, so
 * snapshots of evicting windows need no generic serializer.
 */
final class TimestampedValueTypeInfo<T> extends TypeInformation<TimestampedValue<T>> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> elementType;

    TimestampedValueTypeInfo(TypeInformation<T> elementType) {
        this.elementType = elementType;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<TimestampedValue<T>> getTypeClass() {
        return (Class) TimestampedValue.class;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public TypeSerializer<TimestampedValue<T>> createSerializer(ExecutionConfig config) {
        return new Serializer<>(elementType.createSerializer(config));
    }

    @Override
    public String toString() {
        return "TimestampedValue<" + elementType + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TimestampedValueTypeInfo<?> other && other.elementType.equals(elementType);
    }

    @Override
    public int hashCode() {
        return elementType.hashCode();
    }

    /** {@code hasTimestamp (boolean), timestamp (long), value}. */
    static final class Serializer<T> extends TypeSerializer<TimestampedValue<T>> {
        private static final long serialVersionUID = 1L;

        private final TypeSerializer<T> values;

        Serializer(TypeSerializer<T> values) {
            this.values = values;
        }

        @Override
        public boolean isImmutableType() {
            return values.isImmutableType();
        }

        @Override
        public TypeSerializer<TimestampedValue<T>> duplicate() {
            TypeSerializer<T> duplicate = values.duplicate();
            return duplicate == values ? this : new Serializer<>(duplicate);
        }

        @Override
        public TimestampedValue<T> createInstance() {
            return null;
        }

        @Override
        public TimestampedValue<T> copy(TimestampedValue<T> from) {
            if (values.isImmutableType()) {
                return from;
            }
            T value = values.copy(from.getValue());
            return from.hasTimestamp()
                    ? new TimestampedValue<>(value, from.getTimestamp())
                    : new TimestampedValue<>(value);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(TimestampedValue<T> record, DataOutputView target) throws IOException {
            target.writeBoolean(record.hasTimestamp());
            target.writeLong(record.getTimestamp());
            values.serialize(record.getValue(), target);
        }

        @Override
        public TimestampedValue<T> deserialize(DataInputView source) throws IOException {
            boolean hasTimestamp = source.readBoolean();
            long timestamp = source.readLong();
            T value = values.deserialize(source);
            return hasTimestamp ? new TimestampedValue<>(value, timestamp) : new TimestampedValue<>(value);
        }
    }
}
