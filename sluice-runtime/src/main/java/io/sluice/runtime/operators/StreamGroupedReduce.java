package io.sluice.runtime.operators;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.HashMap;

/**
 * Rolling reduce on a keyed stream: keeps the current aggregate per key and emits it after each
 * element. State lives in a per-operator map until the keyed state backend (event-time work)
 * takes over.
 */
public final class StreamGroupedReduce<T> extends AbstractUdfStreamOperator<T, ReduceFunction<T>>
        implements OneInputStreamOperator<T, T> {
    /** The running value per key, in a mutable holder so an update costs one hash lookup. */
    private final HashMap<Object, Object[]> values = new HashMap<>();

    public StreamGroupedReduce(ReduceFunction<T> reducer) {
        super(reducer);
    }

    @Override
    public void processElement(StreamRecord<T> record) throws Exception {
        Object key = getCurrentKey();
        T value = record.getValue();
        Object[] holder = values.get(key);
        T result;
        if (holder == null) {
            result = value;
            values.put(key, new Object[] {result});
        } else {
            @SuppressWarnings("unchecked")
            T current = (T) holder[0];
            result = userFunction.reduce(current, value);
            holder[0] = result;
        }
        output.collect(record.replace(result));
    }
}
