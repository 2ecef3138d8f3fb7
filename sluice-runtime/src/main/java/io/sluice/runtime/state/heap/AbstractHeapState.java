package io.sluice.runtime.state.heap;

import io.sluice.api.state.State;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.StateTtlConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Base of the heap states: the per-key-group maps of one state, access to the current key's
 * entry, and the TTL rules for states stored as one value per key (value, reducing, aggregating).
 * The stored object is the user value, or a {@link TtlValue} around it when TTL is enabled.
 *
 * <p>Owned by the task thread of its {@link HeapKeyedStateBackend}.
 *
 * @param <K> the key type
 */
abstract class AbstractHeapState<K, D extends StateDescriptor<?, ?>> implements State {
    protected final HeapKeyedStateBackend<K> backend;
    private final D descriptor;
    private final String name;
    /** One map per key group of the backend's range, indexed relative to its start; null until written. */
    private final HashMap<K, Object>[] keyGroupMaps;

    protected final boolean ttlEnabled;
    private final long ttlMillis;
    protected final boolean updateTtlOnRead;
    protected final boolean returnExpired;

    AbstractHeapState(HeapKeyedStateBackend<K> backend, D descriptor) {
        this.backend = backend;
        this.descriptor = descriptor;
        this.name = descriptor.getName();
        this.keyGroupMaps = backend.newKeyGroupMaps();
        StateTtlConfig ttl = descriptor.getTtlConfig();
        this.ttlEnabled = ttl.isEnabled();
        this.ttlMillis = ttl.getTtl().toMillis();
        this.updateTtlOnRead = ttl.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
        this.returnExpired = ttl.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    }

    final D descriptor() {
        return descriptor;
    }

    // ---- the current key's stored object ----

    /** The stored object of the current key (raw, TTL not applied), or null. */
    protected final Object getStored() {
        HashMap<K, Object> map = keyGroupMaps[backend.currentKeyGroupIndex(name)];
        return map == null ? null : map.get(backend.getCurrentKey());
    }

    protected final void putStored(Object stored) {
        int index = backend.currentKeyGroupIndex(name);
        HashMap<K, Object> map = keyGroupMaps[index];
        if (map == null) {
            map = new HashMap<>();
            keyGroupMaps[index] = map;
        }
        map.put(backend.getCurrentKey(), stored);
    }

    /** Removes the stored object of {@code key}, which is in the key group at {@code keyGroupIndex}. */
    protected final void removeStored(K key, int keyGroupIndex) {
        HashMap<K, Object> map = keyGroupMaps[keyGroupIndex];
        if (map != null) {
            map.remove(key);
        }
    }

    @Override
    public void clear() {
        removeStored(backend.getCurrentKey(), backend.currentKeyGroupIndex(name));
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

    final int numKeys() {
        int count = 0;
        for (HashMap<K, Object> map : keyGroupMaps) {
            if (map != null) {
                count += map.size();
            }
        }
        return count;
    }

    final Iterable<K> stateKeys() {
        List<K> keys = new ArrayList<>(numKeys());
        for (HashMap<K, Object> map : keyGroupMaps) {
            if (map != null) {
                keys.addAll(map.keySet());
            }
        }
        return keys;
    }

    /** The current key and its key group index, captured for views that outlive the current key. */
    protected final int currentKeyGroupIndex() {
        return backend.currentKeyGroupIndex(name);
    }

    protected final String name() {
        return name;
    }
}
