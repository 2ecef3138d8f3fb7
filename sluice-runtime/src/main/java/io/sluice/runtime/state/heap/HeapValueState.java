package io.sluice.runtime.state.heap;

import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.ValueState;

/** {@link ValueState} on the heap: the value itself is stored (or a {@link TtlValue} with TTL). */
final class HeapValueState<K, T> extends AbstractHeapState<K, StateDescriptor<?, ?>> implements ValueState<T> {

    HeapValueState(HeapKeyedStateBackend<K> backend, StateDescriptor<?, ?> descriptor) {
        super(backend, descriptor);
    }

    @Override
    public T value() {
        return readValue();
    }

    @Override
    public void update(T value) {
        if (value == null) {
            clear();
        } else {
            writeValue(value);
        }
    }
}
