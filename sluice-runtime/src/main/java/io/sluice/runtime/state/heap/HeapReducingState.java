package io.sluice.runtime.state.heap;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.runtime.state.InternalMergingState;
import java.util.Collection;

/** {@link ReducingState} on the heap: stores the reduced value; an expired value restarts the reduction. */
final class HeapReducingState<K, T> extends AbstractHeapState<K, ReducingStateDescriptor<T>>
        implements ReducingState<T>, InternalMergingState<Object> {
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

    @Override
    public void mergeNamespaces(Object target, Collection<Object> sources) throws Exception {
        Object saved = getCurrentNamespace();
        try {
            T merged = null;
            for (Object source : sources) {
                setCurrentNamespace(source);
                T value = readValueForUpdate();
                if (value != null) {
                    clear();
                    merged = merged == null ? value : reduceFunction.reduce(merged, value);
                }
            }
            if (merged != null) {
                setCurrentNamespace(target);
                T current = readValueForUpdate();
                writeValue(current == null ? merged : reduceFunction.reduce(current, merged));
            }
        } finally {
            setCurrentNamespace(saved);
        }
    }
}
