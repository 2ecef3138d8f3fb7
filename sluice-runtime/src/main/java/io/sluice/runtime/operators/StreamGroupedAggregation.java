package io.sluice.runtime.operators;

import io.sluice.api.dag.OperatorSpec.AggregationKind;
import io.sluice.api.dag.OperatorSpec.AggregationSpec;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeutils.FieldAccessor;
import io.sluice.api.typeutils.FieldAccessors;
import io.sluice.api.typeutils.NumericFields;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.HashMap;

/**
 * Rolling field aggregation (sum, min, max, minBy, maxBy) on a keyed stream, with Flink's
 * semantics: sum/min/max keep the other fields of the key's first element; minBy/maxBy emit the
 * whole element holding the extreme value (the first or last of equal ones). The stored aggregate
 * is never changed in place: each update works on a copy.
 */
public final class StreamGroupedAggregation<T> extends AbstractStreamOperator<T>
        implements OneInputStreamOperator<T, T> {
    private final AggregationSpec spec;
    /** The running aggregate per key, in a mutable holder so an update costs one hash lookup. */
    private final HashMap<Object, Object[]> values = new HashMap<>();

    private FieldAccessor<T, Object> accessor;
    private TypeSerializer<T> serializer;

    public StreamGroupedAggregation(AggregationSpec spec) {
        this.spec = spec;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        TypeInformation<T> type = (TypeInformation<T>) spec.inputType();
        accessor = spec.fieldName() == null
                ? (FieldAccessor<T, Object>) FieldAccessors.forPosition(type, spec.fieldPosition())
                : (FieldAccessor<T, Object>) FieldAccessors.forName(type, spec.fieldName());
        serializer = type.createSerializer(parameters.executionConfig());
    }

    @Override
    public void processElement(StreamRecord<T> record) throws Exception {
        Object key = getCurrentKey();
        T value = record.getValue();
        Object[] holder = values.get(key);
        T result;
        if (holder == null) {
            result = serializer.copy(value);
            values.put(key, new Object[] {result});
        } else {
            @SuppressWarnings("unchecked")
            T current = (T) holder[0];
            result = aggregate(current, value);
            holder[0] = result;
        }
        // No copy here: a network output serializes at once, and a chained output copies mutable
        // values itself unless object reuse is on (then, as in Flink, functions must not keep them).
        output.collect(record.replace(result));
    }

    private T aggregate(T current, T value) {
        Object a = accessor.get(current);
        Object b = accessor.get(value);
        AggregationKind kind = spec.kind();
        return switch (kind) {
            case SUM -> accessor.set(serializer.copy(current), NumericFields.add(a, b));
            case MIN -> NumericFields.compare(b, a) < 0 ? accessor.set(serializer.copy(current), b) : current;
            case MAX -> NumericFields.compare(b, a) > 0 ? accessor.set(serializer.copy(current), b) : current;
            case MIN_BY -> {
                int c = NumericFields.compare(b, a);
                yield c < 0 || (c == 0 && !spec.first()) ? serializer.copy(value) : current;
            }
            case MAX_BY -> {
                int c = NumericFields.compare(b, a);
                yield c > 0 || (c == 0 && !spec.first()) ? serializer.copy(value) : current;
            }
        };
    }
}
