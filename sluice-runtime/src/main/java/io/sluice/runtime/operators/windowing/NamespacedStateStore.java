package io.sluice.runtime.operators.windowing;

import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.runtime.state.heap.HeapKeyedStateBackend;
import java.util.function.Supplier;

/**
 * Keyed state of the current key in the namespace {@code namespace} gives at each call: the
 * per-window ({@link io.sluice.api.functions.windowing.ProcessWindowFunction}'s {@code windowState()}) or per-key
 * ({@code globalState()}) state of a window function. Task thread only.
 */
final class NamespacedStateStore implements KeyedStateStore {
    private final HeapKeyedStateBackend<Object> backend;
    private final Supplier<Object> namespace;

    NamespacedStateStore(HeapKeyedStateBackend<Object> backend, Supplier<Object> namespace) {
        this.backend = backend;
        this.namespace = namespace;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        return backend.getPartitionedState(namespace.get(), stateProperties);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        return backend.getPartitionedState(namespace.get(), stateProperties);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        return backend.getPartitionedState(namespace.get(), stateProperties);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        return backend.getPartitionedState(namespace.get(), stateProperties);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
        return backend.getPartitionedState(namespace.get(), stateProperties);
    }
}
