package io.sluice.runtime.operators;

import io.sluice.api.functions.MapFunction;
import io.sluice.runtime.streamrecord.StreamRecord;

/** Applies a {@link MapFunction}; the input record object carries the result onward (no allocation). */
public final class StreamMap<IN, OUT> extends AbstractUdfStreamOperator<OUT, MapFunction<IN, OUT>>
        implements OneInputStreamOperator<IN, OUT> {

    public StreamMap(MapFunction<IN, OUT> mapper) {
        super(mapper);
    }

    @Override
    public void processElement(StreamRecord<IN> record) throws Exception {
        output.collect(record.replace(userFunction.map(record.getValue())));
    }
}
