package io.sluice.runtime.operators;

import io.sluice.api.functions.FilterFunction;
import io.sluice.runtime.streamrecord.StreamRecord;

/** Forwards the records a {@link FilterFunction} accepts. */
public final class StreamFilter<T> extends AbstractUdfStreamOperator<T, FilterFunction<T>>
        implements OneInputStreamOperator<T, T> {

    public StreamFilter(FilterFunction<T> filter) {
        super(filter);
    }

    @Override
    public void processElement(StreamRecord<T> record) throws Exception {
        if (userFunction.filter(record.getValue())) {
            output.collect(record);
        }
    }
}
