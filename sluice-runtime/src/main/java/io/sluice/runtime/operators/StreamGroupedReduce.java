package io.sluice.runtime.operators;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeinfo.GenericTypeInfo;
import io.sluice.api.typeinfo.MissingTypeInfo;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.runtime.streamrecord.StreamRecord;

/**
 * Rolling reduce on a keyed stream: keeps the current aggregate per key in keyed value state
 * (named {@value #STATE_NAME}, as in Flink), so checkpoints and rescaling take it along, and emits
 * it after each element.
 */
public final class StreamGroupedReduce<T> extends AbstractUdfStreamOperator<T, ReduceFunction<T>>
        implements OneInputStreamOperator<T, T> {
    static final String STATE_NAME = "_op_state";

    private final TypeInformation<T> valueType;
    private ValueState<T> values;

    public StreamGroupedReduce(ReduceFunction<T> reducer) {
        this(reducer, null);
    }

    /** @param valueType the element type, for snapshots of the state; null if unknown */
    @SuppressWarnings("unchecked")
    public StreamGroupedReduce(ReduceFunction<T> reducer, TypeInformation<?> valueType) {
        super(reducer);
        this.valueType = valueType == null || valueType instanceof MissingTypeInfo
                ? (TypeInformation<T>) new GenericTypeInfo<>(Object.class, "the reduce input type is unknown")
                : (TypeInformation<T>) valueType;
    }

    @Override
    public void open() throws Exception {
        super.open();
        values = runtimeContext.getState(new ValueStateDescriptor<>(STATE_NAME, valueType));
    }

    @Override
    public void processElement(StreamRecord<T> record) throws Exception {
        T value = record.getValue();
        T current = values.value();
        T result = current == null ? value : userFunction.reduce(current, value);
        values.update(result);
        output.collect(record.replace(result));
    }
}
