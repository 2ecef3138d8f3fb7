package io.sluice.api.datastream;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.dag.OperatorSpec.AggregationKind;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeutils.FieldAccessor;
import io.sluice.api.typeutils.FieldAccessors;
import io.sluice.api.typeutils.NumericFields;
import io.sluice.api.typeutils.TypeSerializer;

/**
 * The field aggregations (sum, min, max, minBy, maxBy) as one reduce step, with Flink's semantics:
 * sum/min/max keep the other fields of the first element; minBy/maxBy keep the whole element
 * holding the extreme value (the first or, with {@code first == false}, the last of equal ones).
 * Never changes an element in place: an update works on a copy. Used by rolling aggregations and
 * by window aggregations.
 */
public final class FieldAggregator<T> implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;

    private final AggregationKind kind;
    private final int fieldPosition;
    private final String fieldName;
    private final boolean first;
    private final TypeInformation<T> type;
    private final ExecutionConfig executionConfig;

    private transient FieldAccessor<T, Object> accessor;
    private transient TypeSerializer<T> serializer;

    /**
     * @param fieldPosition the field's position, used when {@code fieldName} is null
     * @param executionConfig how to create the element type's serializer (for copies)
     */
    public FieldAggregator(
            AggregationKind kind,
            int fieldPosition,
            String fieldName,
            boolean first,
            TypeInformation<T> type,
            ExecutionConfig executionConfig) {
        this.kind = kind;
        this.fieldPosition = fieldPosition;
        this.fieldName = fieldName;
        this.first = first;
        this.type = type;
        this.executionConfig = executionConfig;
    }

    /** A copy of {@code value}, as the running aggregate of a key's first element. */
    public T start(T value) {
        return serializer().copy(value);
    }

    @Override
    public T reduce(T current, T value) {
        FieldAccessor<T, Object> field = accessor();
        Object a = field.get(current);
        Object b = field.get(value);
        return switch (kind) {
            case SUM -> field.set(serializer().copy(current), NumericFields.add(a, b));
            case MIN -> NumericFields.compare(b, a) < 0 ? field.set(serializer().copy(current), b) : current;
            case MAX -> NumericFields.compare(b, a) > 0 ? field.set(serializer().copy(current), b) : current;
            case MIN_BY -> {
                int c = NumericFields.compare(b, a);
                yield c < 0 || (c == 0 && !first) ? serializer().copy(value) : current;
            }
            case MAX_BY -> {
                int c = NumericFields.compare(b, a);
                yield c > 0 || (c == 0 && !first) ? serializer().copy(value) : current;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private FieldAccessor<T, Object> accessor() {
        if (accessor == null) {
            accessor = fieldName == null
                    ? (FieldAccessor<T, Object>) FieldAccessors.forPosition(type, fieldPosition)
                    : (FieldAccessor<T, Object>) FieldAccessors.forName(type, fieldName);
        }
        return accessor;
    }

    private TypeSerializer<T> serializer() {
        if (serializer == null) {
            serializer = type.createSerializer(executionConfig);
        }
        return serializer;
    }
}
