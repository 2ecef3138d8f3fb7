package io.sluice.runtime.state;

import io.sluice.api.state.BroadcastState;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A broadcast state on the heap: a {@link HashMap} (as Flink's, so iteration orders agree).
 * Task thread only.
 */
final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {
    private final String name;
    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<V> valueSerializer;
    private final HashMap<K, V> map = new HashMap<>();
    /** Wraps the entries too, so that {@code setValue} fails. */
    private final Set<Map.Entry<K, V>> immutableEntries =
            Collections.unmodifiableMap(map).entrySet();

    HeapBroadcastState(String name, TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
        this.name = name;
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
    }

    String name() {
        return name;
    }

    TypeSerializer<K> keySerializer() {
        return keySerializer;
    }

    TypeSerializer<V> valueSerializer() {
        return valueSerializer;
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public boolean contains(K key) {
        return map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() {
        return immutableEntries;
    }

    @Override
    public void put(K key, V value) {
        map.put(key, value);
    }

    @Override
    public void putAll(Map<K, V> entries) {
        map.putAll(entries);
    }

    @Override
    public void remove(K key) {
        map.remove(key);
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return map.entrySet().iterator();
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return map.entrySet();
    }

    @Override
    public void clear() {
        map.clear();
    }

    /** Serializes every entry (key, then value) into {@code out}; returns where each starts. */
    long[] write(DataOutputSerializer out) throws IOException {
        long[] offsets = new long[map.size()];
        int i = 0;
        for (Map.Entry<K, V> e : map.entrySet()) {
            offsets[i++] = out.length();
            keySerializer.serialize(e.getKey(), out);
            valueSerializer.serialize(e.getValue(), out);
        }
        return offsets;
    }

    @Override
    public String toString() {
        return "broadcast state '" + name + "' " + map;
    }
}
