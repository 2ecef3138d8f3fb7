package io.sluice.api.state;

import java.util.Map;

/**
 * A read-only view of a {@link BroadcastState}: what the non-broadcast side of a broadcast
 * process function sees. Only the broadcast side may change broadcast state, so that every
 * subtask keeps the same contents.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface ReadOnlyBroadcastState<K, V> extends State {
    /** The value for {@code key}, or {@code null}. */
    V get(K key) throws Exception;

    boolean contains(K key) throws Exception;

    /** The mappings; neither the iterable nor its entries can be modified. */
    Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
