package io.sluice.runtime.state.heap;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;

/** {@link ReducingState} on the heap: stores the reduced value; an expired value restarts the reduction. */
final class HeapReducingState<K, T> extends AbstractHeapState<K, ReducingStateDescriptor<T>>
        implements ReducingState<T> {
    private final ReduceFunction<T> reduceFunction;

    HeapReducingState(HeapKeyedStateBackend<K> backend, ReducingStateDescriptor<T> descriptor) {
        super(backend, descriptor);
        this.reduceFunction = descriptor.getReduceFunction();
    }

    @Override
    public T get() {
        return readValue();
    }

    @Override
    public void add(T value) throws Exception {
        if (value == null) {
            clear();
            return;
        }
        T current = readValueForUpdate();
        writeValue(current == null ? value : reduceFunction.reduce(current, value));
    }
}
