package io.sluice.runtime.operators;

import io.sluice.api.functions.FlatMapFunction;
import io.sluice.runtime.streamrecord.StreamRecord;

/** Applies a {@link FlatMapFunction}; emitted elements keep the input's timestamp. */
public final class StreamFlatMap<IN, OUT> extends AbstractUdfStreamOperator<OUT, FlatMapFunction<IN, OUT>>
        implements OneInputStreamOperator<IN, OUT> {
    private TimestampedCollector<OUT> collector;

    public StreamFlatMap(FlatMapFunction<IN, OUT> flatMapper) {
        super(flatMapper);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
    }

    @Override
    public void processElement(StreamRecord<IN> record) throws Exception {
        collector.setTimestamp(record);
        userFunction.flatMap(record.getValue(), collector);
    }
}
