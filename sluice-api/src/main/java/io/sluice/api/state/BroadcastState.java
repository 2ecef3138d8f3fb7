package io.sluice.api.state;

import java.util.Iterator;
import java.util.Map;

/**
 * A map that is the same on every parallel subtask of an operator: operator state (not keyed)
 * that the broadcast side of a {@code BroadcastProcessFunction} writes and every subtask keeps a
 * copy of. It is checkpointed with the operator state, and a restored subtask gets one copy
 * whatever the new parallelism.
 *
 * <p>Sluice (like Flink) does not compare the copies: the function must change the state only
 * from the broadcast side and only as a deterministic function of the broadcast elements.
 *
 * <p>Task thread only; not thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {
    void put(K key, V value) throws Exception;

    void putAll(Map<K, V> map) throws Exception;

    void remove(K key) throws Exception;

    /** Iterates over the mappings; {@code remove()} of the iterator removes from the state. */
    Iterator<Map.Entry<K, V>> iterator() throws Exception;

    /** The mappings, as a live view. */
    Iterable<Map.Entry<K, V>> entries() throws Exception;
}
