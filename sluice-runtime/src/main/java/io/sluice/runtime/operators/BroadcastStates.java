package io.sluice.runtime.operators;

import io.sluice.api.state.BroadcastState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.OperatorStateStore;
import io.sluice.api.state.ReadOnlyBroadcastState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast states of a broadcast operator, those named in {@code broadcast(...)}: writable
 * for the broadcast side, read-only views for the other. Task thread only.
 */
final class BroadcastStates {
    private final Map<MapStateDescriptor<?, ?>, BroadcastState<?, ?>> writable = new HashMap<>();
    private final Map<MapStateDescriptor<?, ?>, ReadOnlyBroadcastState<?, ?>> readOnly = new HashMap<>();

    BroadcastStates(List<MapStateDescriptor<?, ?>> descriptors, OperatorStateStore store) throws Exception {
        for (MapStateDescriptor<?, ?> descriptor : descriptors) {
            BroadcastState<?, ?> state = store.getBroadcastState(descriptor);
            writable.put(descriptor, state);
            readOnly.put(descriptor, new ReadOnlyView<>(state));
        }
    }

    @SuppressWarnings("unchecked")
    <K, V> BroadcastState<K, V> writable(MapStateDescriptor<K, V> descriptor) {
        return (BroadcastState<K, V>) require(writable.get(descriptor));
    }

    @SuppressWarnings("unchecked")
    <K, V> ReadOnlyBroadcastState<K, V> readOnly(MapStateDescriptor<K, V> descriptor) {
        return (ReadOnlyBroadcastState<K, V>) require(readOnly.get(descriptor));
    }

    private static <S> S require(S state) {
        if (state == null) {
            throw new IllegalArgumentException("The requested state does not exist. Check for typos in your state"
                    + " descriptor, or specify the state descriptor in the datastream.broadcast(...) call if you"
                    + " forgot to register it.");
        }
        return state;
    }

    /** Reading only: the non-broadcast side must not change state that is the same everywhere. */
    private record ReadOnlyView<K, V>(BroadcastState<K, V> state) implements ReadOnlyBroadcastState<K, V> {
        @Override
        public V get(K key) throws Exception {
            return state.get(key);
        }

        @Override
        public boolean contains(K key) throws Exception {
            return state.contains(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> immutableEntries() throws Exception {
            return state.immutableEntries();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException(
                    "Broadcast state is read-only on the non-broadcast side; change it in processBroadcastElement");
        }
    }
}
