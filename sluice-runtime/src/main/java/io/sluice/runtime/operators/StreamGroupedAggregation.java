package io.sluice.runtime.operators;

import io.sluice.api.dag.OperatorSpec.AggregationSpec;
import io.sluice.api.datastream.FieldAggregator;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.runtime.streamrecord.StreamRecord;

/**
 * Rolling field aggregation (sum, min, max, minBy, maxBy) on a keyed stream, with Flink's
 * semantics: sum/min/max keep the other fields of the key's first element; minBy/maxBy emit the
 * whole element holding the extreme value (the first or last of equal ones). The stored aggregate
 * is never changed in place: each update works on a copy.
 */
public final class StreamGroupedAggregation<T> extends AbstractStreamOperator<T>
        implements OneInputStreamOperator<T, T> {
    private final AggregationSpec spec;
    /** The running aggregate per key (named as Flink names it), so checkpoints take it along. */
    private ValueState<T> values;

    private FieldAggregator<T> aggregator;

    public StreamGroupedAggregation(AggregationSpec spec) {
        this.spec = spec;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        aggregator = new FieldAggregator<>(
                spec.kind(),
                spec.fieldPosition(),
                spec.fieldName(),
                spec.first(),
                (TypeInformation<T>) spec.inputType(),
                parameters.executionConfig());
        values = runtimeContext.getState(
                new ValueStateDescriptor<>(StreamGroupedReduce.STATE_NAME, (TypeInformation<T>) spec.inputType()));
    }

    @Override
    public void processElement(StreamRecord<T> record) throws Exception {
        T value = record.getValue();
        T current = values.value();
        T result = current == null ? aggregator.start(value) : aggregator.reduce(current, value);
        values.update(result);
        // No copy here: a network output serializes at once, and a chained output copies mutable
        // values itself unless object reuse is on (then, as in Flink, functions must not keep them).
        output.collect(record.replace(result));
    }
}
