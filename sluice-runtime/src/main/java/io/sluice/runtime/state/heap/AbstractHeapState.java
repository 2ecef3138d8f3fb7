package io.sluice.runtime.state.heap;

import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.StateTtlConfig;
import io.sluice.runtime.state.InternalKvState;
import io.sluice.runtime.state.VoidNamespace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Base of the heap states: the per-key-group maps of one state, per namespace, access to the
 * current key's entry in the current namespace, and the TTL rules for states stored as one value
 * per key (value, reducing, aggregating). The stored object is the user value, or a
 * {@link TtlValue} around it when TTL is enabled.
 *
 * <p>Namespaces: each namespace with values has its own array of per-key-group maps. The current
 * namespace's array is cached on {@link #setCurrentNamespace}, so an access costs what it did
 * before namespaces existed. {@link VoidNamespace} (plain keyed state) always keeps its array; any
 * other namespace is dropped when its last value is removed (windows come and go).
 *
 * <p>Owned by the task thread of its {@link HeapKeyedStateBackend}.
 *
 * @param <K> the key type
 */
abstract class AbstractHeapState<K, D extends StateDescriptor<?, ?>> implements InternalKvState<Object> {
    protected final HeapKeyedStateBackend<K> backend;
    private final D descriptor;
    private final String name;
    /** The namespaces with values (VoidNamespace always), each with its per-key-group maps. */
    private final HashMap<Object, NamespaceMaps<K>> namespaces = new HashMap<>();

    private Object currentNamespace = VoidNamespace.INSTANCE;
    /** The maps of the current namespace; null when it has no values yet. */
    private NamespaceMaps<K> current;

    protected final boolean ttlEnabled;
    private final long ttlMillis;
    protected final boolean updateTtlOnRead;
    protected final boolean returnExpired;

    AbstractHeapState(HeapKeyedStateBackend<K> backend, D descriptor) {
        this.backend = backend;
        this.descriptor = descriptor;
        this.name = descriptor.getName();
        this.current = new NamespaceMaps<>(VoidNamespace.INSTANCE, backend.newKeyGroupMaps());
        namespaces.put(VoidNamespace.INSTANCE, current);
        current.registered = true;
        StateTtlConfig ttl = descriptor.getTtlConfig();
        this.ttlEnabled = ttl.isEnabled();
        this.ttlMillis = ttl.getTtl().toMillis();
        this.updateTtlOnRead = ttl.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
        this.returnExpired = ttl.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    }

    final D descriptor() {
        return descriptor;
    }

    // ---- namespaces ----

    @Override
    public final void setCurrentNamespace(Object namespace) {
        if (namespace == null) {
            throw new NullPointerException("Namespace of keyed state '" + name + "' must not be null");
        }
        if (namespace == currentNamespace || namespace.equals(currentNamespace)) {
            // the cached maps stay right: only this path and putStored register maps for it
            return;
        }
        currentNamespace = namespace;
        current = namespaces.get(namespace);
    }

    protected final Object getCurrentNamespace() {
        return currentNamespace;
    }

    /** The maps of the current namespace, or null if it has no values (for views that capture them). */
    protected final NamespaceMaps<K> currentMaps() {
        return current;
    }

    // ---- the current key's stored object ----

    /** The stored object of the current key (raw, TTL not applied), or null. */
    protected final Object getStored() {
        NamespaceMaps<K> maps = current;
        if (maps == null) {
            return null;
        }
        HashMap<K, Object> map = keyGroupMap(maps, backend.currentKeyGroupIndex(name));
        return map == null ? null : map.get(backend.getCurrentKey());
    }

    protected final void putStored(Object stored) {
        int index = backend.currentKeyGroupIndex(name);
        NamespaceMaps<K> maps = current;
        if (maps == null) {
            maps = new NamespaceMaps<>(currentNamespace, backend.newKeyGroupMaps());
            current = maps;
        }
        if (!maps.registered) {
            namespaces.put(currentNamespace, maps);
            maps.registered = true;
        }
        HashMap<K, Object> map = keyGroupMap(maps, index);
        if (map == null) {
            map = new HashMap<>();
            maps.keyGroupMaps[index] = map;
        }
        if (map.put(backend.getCurrentKey(), stored) == null) {
            maps.entries++;
        }
    }

    /**
     * Removes the stored object of {@code key} (in the key group at {@code keyGroupIndex}) from
     * {@code maps}, dropping the namespace when that was its last value.
     */
    protected final void removeStored(NamespaceMaps<K> maps, K key, int keyGroupIndex) {
        if (maps == null) {
            return;
        }
        HashMap<K, Object> map = keyGroupMap(maps, keyGroupIndex);
        if (map != null && map.remove(key) != null) {
            maps.entries--;
            if (maps.entries == 0 && maps.registered && maps.namespace != VoidNamespace.INSTANCE) {
                namespaces.remove(maps.namespace);
                maps.registered = false;
            }
        }
    }

    @Override
    public void clear() {
        removeStored(current, backend.getCurrentKey(), backend.currentKeyGroupIndex(name));
    }

    // ---- TTL for states with one value per key ----

    protected final boolean isExpired(long lastAccessTimestamp, long now) {
        long expiresAt =
                ttlMillis > Long.MAX_VALUE - lastAccessTimestamp ? Long.MAX_VALUE : lastAccessTimestamp + ttlMillis;
        return expiresAt <= now;
    }

    /**
     * The current key's user value for a read: null when absent; when expired, removes it and
     * returns it only under {@code ReturnExpiredIfNotCleanedUp}; refreshes the timestamp under
     * {@code OnReadAndWrite}.
     */
    @SuppressWarnings("unchecked")
    protected final <V> V readValue() {
        Object stored = getStored();
        if (!ttlEnabled || stored == null) {
            return (V) stored;
        }
        TtlValue<V> ttlValue = (TtlValue<V>) stored;
        long now = backend.currentTimestamp();
        if (isExpired(ttlValue.lastAccessTimestamp(), now)) {
            clear();
            return returnExpired ? ttlValue.value() : null;
        }
        if (updateTtlOnRead) {
            putStored(new TtlValue<>(ttlValue.value(), now));
        }
        return ttlValue.value();
    }

    /** The current key's user value to be combined with a new one: null when absent or expired. */
    @SuppressWarnings("unchecked")
    protected final <V> V readValueForUpdate() {
        Object stored = getStored();
        if (!ttlEnabled || stored == null) {
            return (V) stored;
        }
        TtlValue<V> ttlValue = (TtlValue<V>) stored;
        return isExpired(ttlValue.lastAccessTimestamp(), backend.currentTimestamp()) ? null : ttlValue.value();
    }

    /** Stores {@code value} for the current key, stamped with the current time when TTL is on. */
    protected final void writeValue(Object value) {
        putStored(ttlEnabled ? wrap(value) : value);
    }

    protected final Object wrap(Object value) {
        return new TtlValue<>(value, backend.currentTimestamp());
    }

    // ---- all keys, for tests and snapshots ----

    /** The number of (key, namespace) pairs with a value. */
    final int numKeys() {
        int count = 0;
        for (NamespaceMaps<K> maps : namespaces.values()) {
            count += maps.entries;
        }
        return count;
    }

    /** The number of namespaces with values, VoidNamespace always counted. */
    final int numNamespaces() {
        return namespaces.size();
    }

    /** The keys with a value in any namespace, key group by key group (no duplicates). */
    final Iterable<K> stateKeys() {
        Set<K> keys = new LinkedHashSet<>();
        for (int i = 0; i < backend.getKeyGroupRange().getNumberOfKeyGroups(); i++) {
            for (NamespaceMaps<K> maps : namespaces.values()) {
                HashMap<K, Object> map = maps.keyGroupMaps[i];
                if (map != null) {
                    keys.addAll(map.keySet());
                }
            }
        }
        return new ArrayList<>(keys);
    }

    /** The current key and its key group index, captured for views that outlive the current key. */
    protected final int currentKeyGroupIndex() {
        return backend.currentKeyGroupIndex(name);
    }

    protected final String name() {
        return name;
    }

    // ---- snapshots: copy-on-write per key group ----

    /**
     * The map of key group {@code index} in {@code maps}, for reading or writing. A map a snapshot
     * captured is never changed again: the first access after the snapshot replaces it by a copy
     * (values copied too where their type is mutable), so the snapshot thread can read the old one.
     */
    private HashMap<K, Object> keyGroupMap(NamespaceMaps<K> maps, int index) {
        HashMap<K, Object> map = maps.keyGroupMaps[index];
        if (maps.shared != null && maps.shared[index]) {
            maps.shared[index] = false;
            map = copyOf(map);
            maps.keyGroupMaps[index] = map;
        }
        return map;
    }

    private HashMap<K, Object> copyOf(HashMap<K, Object> map) {
        if (!codec.needsCopy()) {
            return new HashMap<>(map);
        }
        HashMap<K, Object> copy = new HashMap<>(Math.max(16, (int) (map.size() / 0.75f) + 1));
        for (Map.Entry<K, Object> e : map.entrySet()) {
            copy.put(e.getKey(), codec.copy(e.getValue()));
        }
        return copy;
    }

    private StoredValueCodec codec;

    /** This state's codec, created on first use (task thread); fails naming the state. */
    final StoredValueCodec codec() {
        if (codec == null) {
            codec = StoredValueCodec.of(descriptor, backend.executionConfig());
        }
        return codec;
    }

    /**
     * The synchronous part of a snapshot: the per-key-group maps of every namespace as of now,
     * which from here on are only read (see {@link #keyGroupMap}). Costs one array copy per
     * namespace, nothing per key.
     */
    final List<NamespaceCut> capture() {
        codec();
        List<NamespaceCut> cut = new ArrayList<>(namespaces.size());
        for (NamespaceMaps<K> maps : namespaces.values()) {
            if (maps.entries == 0) {
                continue;
            }
            HashMap<K, Object>[] frozen = maps.keyGroupMaps.clone();
            if (maps.shared == null) {
                maps.shared = new boolean[frozen.length];
            }
            for (int i = 0; i < frozen.length; i++) {
                if (frozen[i] != null) {
                    maps.shared[i] = true;
                }
            }
            cut.add(new NamespaceCut(maps.namespace, frozen));
        }
        return cut;
    }

    /** Puts a restored stored object under (key, namespace) in the key group at {@code keyGroupIndex}. */
    final void restoreStored(Object namespace, int keyGroupIndex, K key, Object stored) {
        NamespaceMaps<K> maps = namespaces.get(namespace);
        if (maps == null) {
            maps = new NamespaceMaps<>(namespace, backend.newKeyGroupMaps());
            maps.registered = true;
            namespaces.put(namespace, maps);
            if (namespace.equals(currentNamespace)) {
                current = maps;
            }
        }
        HashMap<K, Object> map = keyGroupMap(maps, keyGroupIndex);
        if (map == null) {
            map = new HashMap<>();
            maps.keyGroupMaps[keyGroupIndex] = map;
        }
        if (map.put(key, stored) == null) {
            maps.entries++;
        }
    }

    /** One namespace's key group maps as a snapshot captured them (read-only from then on). */
    record NamespaceCut(Object namespace, HashMap<?, Object>[] keyGroupMaps) {}

    /** The per-key-group maps of one namespace and how many values they hold. */
    static final class NamespaceMaps<K> {
        final Object namespace;
        final HashMap<K, Object>[] keyGroupMaps;
        /** Per key group: whether a snapshot holds the map (copy before the next access); null before any. */
        boolean[] shared;

        int entries;
        /** Whether these are the namespace's maps in the state (false once dropped). */
        boolean registered;

        NamespaceMaps(Object namespace, HashMap<K, Object>[] keyGroupMaps) {
            this.namespace = namespace;
            this.keyGroupMaps = keyGroupMaps;
        }
    }
}
