package io.sluice.api.typeinfo;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.typeutils.MapSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code Map<K, V>} with known key and value types; values deserialize as {@code LinkedHashMap}.
 * Immutable; any thread.
 */
public final class MapTypeInfo<K, V> extends TypeInformation<Map<K, V>> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<K> keyType;
    private final TypeInformation<V> valueType;

    public MapTypeInfo(TypeInformation<K> keyType, TypeInformation<V> valueType) {
        this.keyType = Objects.requireNonNull(keyType, "keyType");
        this.valueType = Objects.requireNonNull(valueType, "valueType");
    }

    public TypeInformation<K> getKeyTypeInfo() {
        return keyType;
    }

    public TypeInformation<V> getValueTypeInfo() {
        return valueType;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Map<K, V>> getTypeClass() {
        return (Class) Map.class;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public TypeSerializer<Map<K, V>> createSerializer(ExecutionConfig config) {
        return new MapSerializer<>(keyType.createSerializer(config), valueType.createSerializer(config));
    }

    @Override
    public String toString() {
        return "Map<" + keyType + ", " + valueType + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof MapTypeInfo<?, ?> other
                && other.keyType.equals(keyType)
                && other.valueType.equals(valueType);
    }

    @Override
    public int hashCode() {
        return 31 * keyType.hashCode() + valueType.hashCode();
    }
}
