package io.sluice.api.typeutils;

import io.sluice.api.typeutils.base.VarInts;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Serializes a non-null {@link Map}: the size as a varint, then per entry the key (not null), a
 * presence byte for the value (0 = null) and the value. Deserializes into a {@link LinkedHashMap},
 * keeping the order written. Entries are written in the map's iteration order, so two equal
 * {@link HashMap}s with different histories may give different bytes.
 *
 * <p>Threading: as thread-safe as the key and value serializers; {@link #duplicate()} follows them.
 */
public final class MapSerializer<K, V> extends TypeSerializer<Map<K, V>> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<V> valueSerializer;

    public MapSerializer(TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
        this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<Map<K, V>> duplicate() {
        TypeSerializer<K> k = keySerializer.duplicate();
        TypeSerializer<V> v = valueSerializer.duplicate();
        return k == keySerializer && v == valueSerializer ? this : new MapSerializer<>(k, v);
    }

    @Override
    public Map<K, V> createInstance() {
        return new LinkedHashMap<>();
    }

    @Override
    public Map<K, V> copy(Map<K, V> from) {
        Map<K, V> result = new LinkedHashMap<>(capacity(from.size()));
        for (Map.Entry<K, V> e : from.entrySet()) {
            V v = e.getValue();
            result.put(keySerializer.copy(e.getKey()), v == null ? null : valueSerializer.copy(v));
        }
        return result;
    }

    private static int capacity(int size) {
        return (int) (size / 0.75f) + 1;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Map<K, V> record, DataOutputView target) throws IOException {
        VarInts.writeVarInt(record.size(), target);
        for (Map.Entry<K, V> e : record.entrySet()) {
            K key = e.getKey();
            if (key == null) {
                throw new NullPointerException("A Map with a null key cannot be serialized: remove the null key or "
                        + "wrap the keys in Optional");
            }
            keySerializer.serialize(key, target);
            V value = e.getValue();
            if (value == null) {
                target.writeByte(0);
            } else {
                target.writeByte(1);
                valueSerializer.serialize(value, target);
            }
        }
    }

    @Override
    public Map<K, V> deserialize(DataInputView source) throws IOException {
        int size = VarInts.readLength(source, "Map");
        Map<K, V> result = new LinkedHashMap<>(capacity(size));
        for (int i = 0; i < size; i++) {
            K key = keySerializer.deserialize(source);
            result.put(key, source.readByte() == 0 ? null : valueSerializer.deserialize(source));
        }
        return result;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof MapSerializer<?, ?> other
                && other.keySerializer.equals(keySerializer)
                && other.valueSerializer.equals(valueSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * keySerializer.hashCode() + valueSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "MapSerializer<" + keySerializer + ", " + valueSerializer + ">";
    }
}
