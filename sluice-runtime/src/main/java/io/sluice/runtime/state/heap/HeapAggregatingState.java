package io.sluice.runtime.state.heap;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.runtime.state.InternalMergingState;
import java.util.Collection;

/** {@link AggregatingState} on the heap: stores the accumulator; an expired one is replaced by a new one. */
final class HeapAggregatingState<K, IN, ACC, OUT> extends AbstractHeapState<K, AggregatingStateDescriptor<IN, ACC, OUT>>
        implements AggregatingState<IN, OUT>, InternalMergingState<Object> {
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    HeapAggregatingState(HeapKeyedStateBackend<K> backend, AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        super(backend, descriptor);
        this.aggregateFunction = descriptor.getAggregateFunction();
    }

    @Override
    public OUT get() {
        ACC accumulator = readValue();
        return accumulator == null ? null : aggregateFunction.getResult(accumulator);
    }

    @Override
    public void add(IN value) {
        if (value == null) {
            clear();
            return;
        }
        ACC accumulator = readValueForUpdate();
        if (accumulator == null) {
            writeValue(aggregateFunction.add(value, aggregateFunction.createAccumulator()));
            return;
        }
        ACC result = aggregateFunction.add(value, accumulator);
        // an accumulator updated in place is already stored (TTL needs the new timestamp though)
        if (result != accumulator || ttlEnabled) {
            writeValue(result);
        }
    }

    @Override
    public void mergeNamespaces(Object target, Collection<Object> sources) throws Exception {
        Object saved = getCurrentNamespace();
        try {
            ACC merged = null;
            for (Object source : sources) {
                setCurrentNamespace(source);
                ACC accumulator = readValueForUpdate();
                if (accumulator != null) {
                    clear();
                    merged = merged == null ? accumulator : aggregateFunction.merge(merged, accumulator);
                }
            }
            if (merged != null) {
                setCurrentNamespace(target);
                ACC current = readValueForUpdate();
                writeValue(current == null ? merged : aggregateFunction.merge(current, merged));
            }
        } finally {
            setCurrentNamespace(saved);
        }
    }
}
