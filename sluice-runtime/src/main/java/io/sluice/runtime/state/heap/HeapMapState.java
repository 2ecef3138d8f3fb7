package io.sluice.runtime.state.heap;

import io.sluice.api.state.MapState;
import io.sluice.api.state.StateDescriptor;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link MapState} on the heap: a {@code HashMap} per key, never empty (an emptied map is removed).
 * With TTL every entry's value is a {@link TtlValue} and expires on its own. Without TTL the
 * iterables are live views; with TTL they iterate over a copy of the unexpired entries taken when
 * the iterator is created, their entries are read-only and their {@code remove} removes from the
 * state.
 */
final class HeapMapState<K, UK, UV> extends AbstractHeapState<K, StateDescriptor<?, ?>> implements MapState<UK, UV> {
    private static final Object ABSENT = new Object();

    HeapMapState(HeapKeyedStateBackend<K> backend, StateDescriptor<?, ?> descriptor) {
        super(backend, descriptor);
    }

    @SuppressWarnings("unchecked")
    private HashMap<UK, Object> storedMap() {
        return (HashMap<UK, Object>) getStored();
    }

    /** The user value for {@code key} with TTL applied, or {@link #ABSENT}. */
    @SuppressWarnings("unchecked")
    private Object lookup(UK key) {
        HashMap<UK, Object> map = storedMap();
        if (map == null) {
            return ABSENT;
        }
        Object stored = map.get(key);
        if (stored == null) {
            return map.containsKey(key) ? null : ABSENT;
        }
        if (!ttlEnabled) {
            return stored;
        }
        TtlValue<Object> ttlValue = (TtlValue<Object>) stored;
        long now = backend.currentTimestamp();
        if (isExpired(ttlValue.lastAccessTimestamp(), now)) {
            removeEntry(map, key);
            return returnExpired ? ttlValue.value() : ABSENT;
        }
        if (updateTtlOnRead) {
            map.put(key, new TtlValue<>(ttlValue.value(), now));
        }
        return ttlValue.value();
    }

    private void removeEntry(HashMap<UK, Object> map, UK key) {
        map.remove(key);
        if (map.isEmpty()) {
            clear();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public UV get(UK key) {
        Object value = lookup(key);
        return value == ABSENT ? null : (UV) value;
    }

    @Override
    public boolean contains(UK key) {
        return lookup(key) != ABSENT;
    }

    @Override
    public void put(UK key, UV value) {
        HashMap<UK, Object> map = storedMap();
        if (map == null) {
            map = new HashMap<>();
            putStored(map);
        }
        map.put(key, ttlEnabled ? wrap(value) : value);
    }

    @Override
    public void putAll(Map<UK, UV> entries) {
        if (entries == null || entries.isEmpty()) {
            return;
        }
        HashMap<UK, Object> map = storedMap();
        if (map == null) {
            map = new HashMap<>(Math.max(16, entries.size() * 2));
            putStored(map);
        }
        for (Map.Entry<UK, UV> entry : entries.entrySet()) {
            map.put(entry.getKey(), ttlEnabled ? wrap(entry.getValue()) : entry.getValue());
        }
    }

    @Override
    public void remove(UK key) {
        HashMap<UK, Object> map = storedMap();
        if (map != null) {
            removeEntry(map, key);
        }
    }

    @Override
    public boolean isEmpty() {
        return !iterator().hasNext();
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return this::iterator;
    }

    @Override
    public Iterable<UK> keys() {
        return () -> new MappingIterator<>(iterator(), Map.Entry::getKey);
    }

    @Override
    public Iterable<UV> values() {
        return () -> new MappingIterator<>(iterator(), Map.Entry::getValue);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Iterator<Map.Entry<UK, UV>> iterator() {
        HashMap<UK, Object> map = storedMap();
        if (map == null) {
            return Collections.emptyIterator();
        }
        K key = backend.getCurrentKey();
        int keyGroupIndex = currentKeyGroupIndex();
        NamespaceMaps<K> owner = currentMaps();
        if (!ttlEnabled) {
            Iterator<Map.Entry<UK, UV>> live = (Iterator) map.entrySet().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return live.hasNext();
                }

                @Override
                public Map.Entry<UK, UV> next() {
                    return live.next();
                }

                @Override
                public void remove() {
                    live.remove();
                    if (map.isEmpty()) {
                        removeStored(owner, key, keyGroupIndex);
                    }
                }
            };
        }
        return unexpiredEntries(map, owner, key, keyGroupIndex).iterator();
    }

    @SuppressWarnings("unchecked")
    private List<Map.Entry<UK, UV>> unexpiredEntries(
            HashMap<UK, Object> map, NamespaceMaps<K> owner, K key, int keyGroupIndex) {
        long now = backend.currentTimestamp();
        List<Map.Entry<UK, UV>> result = new ArrayList<>(map.size());
        Iterator<Map.Entry<UK, Object>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<UK, Object> entry = it.next();
            TtlValue<UV> ttlValue = (TtlValue<UV>) entry.getValue();
            if (isExpired(ttlValue.lastAccessTimestamp(), now)) {
                it.remove();
                if (!returnExpired) {
                    continue;
                }
            } else if (updateTtlOnRead) {
                entry.setValue(new TtlValue<>(ttlValue.value(), now));
            }
            result.add(new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), ttlValue.value()));
        }
        if (map.isEmpty()) {
            removeStored(owner, key, keyGroupIndex);
        }
        return new ArrayList<>(result) {
            // the copy's iterator removes from the state too
            @Override
            public Iterator<Map.Entry<UK, UV>> iterator() {
                Iterator<Map.Entry<UK, UV>> copy = super.iterator();
                return new Iterator<>() {
                    private Map.Entry<UK, UV> last;

                    @Override
                    public boolean hasNext() {
                        return copy.hasNext();
                    }

                    @Override
                    public Map.Entry<UK, UV> next() {
                        last = copy.next();
                        return last;
                    }

                    @Override
                    public void remove() {
                        copy.remove();
                        map.remove(last.getKey());
                        if (map.isEmpty()) {
                            removeStored(owner, key, keyGroupIndex);
                        }
                    }
                };
            }
        };
    }

    /** Maps the elements of an iterator; {@code remove} is passed through. */
    private static final class MappingIterator<A, B> implements Iterator<B> {
        private final Iterator<A> source;
        private final Function<A, B> mapping;

        MappingIterator(Iterator<A> source, Function<A, B> mapping) {
            this.source = source;
            this.mapping = mapping;
        }

        @Override
        public boolean hasNext() {
            return source.hasNext();
        }

        @Override
        public B next() {
            return mapping.apply(source.next());
        }

        @Override
        public void remove() {
            source.remove();
        }
    }
}
