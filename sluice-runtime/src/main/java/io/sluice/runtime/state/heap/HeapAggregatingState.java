package io.sluice.runtime.state.heap;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;

/** {@link AggregatingState} on the heap: stores the accumulator; an expired one is replaced by a new one. */
final class HeapAggregatingState<K, IN, ACC, OUT> extends AbstractHeapState<K, AggregatingStateDescriptor<IN, ACC, OUT>>
        implements AggregatingState<IN, OUT> {
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
            accumulator = aggregateFunction.createAccumulator();
        }
        writeValue(aggregateFunction.add(value, accumulator));
    }
}
