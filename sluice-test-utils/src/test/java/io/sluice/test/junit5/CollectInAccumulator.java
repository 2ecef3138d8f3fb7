package io.sluice.test.junit5;

import io.sluice.api.accumulators.ListAccumulator;
import io.sluice.api.functions.OpenContext;
import io.sluice.api.functions.RichMapFunction;

/** Passes elements through and adds each to the list accumulator "out", which the job result carries. */
final class CollectInAccumulator<T> extends RichMapFunction<T, T> {
    static final String NAME = "out";
    private transient ListAccumulator<T> out;

    @Override
    public void open(OpenContext openContext) {
        out = new ListAccumulator<>();
        getRuntimeContext().addAccumulator(NAME, out);
    }

    @Override
    public T map(T value) {
        out.add(value);
        return value;
    }
}
