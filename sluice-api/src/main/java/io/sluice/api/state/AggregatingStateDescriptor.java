package io.sluice.api.state;

import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.typeinfo.TypeInformation;
import java.util.Objects;

/**
 * Describes an {@link AggregatingState}: its name, aggregate function and accumulator type (the
 * stored type).
 */
public class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {
    private static final long serialVersionUID = 1L;

    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    public AggregatingStateDescriptor(
            String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorClass) {
        super(name, accumulatorClass);
        this.aggregateFunction = requireFunction(name, aggregateFunction);
    }

    public AggregatingStateDescriptor(
            String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, TypeInformation<ACC> accumulatorType) {
        super(name, accumulatorType);
        this.aggregateFunction = requireFunction(name, aggregateFunction);
    }

    private static <IN, ACC, OUT> AggregateFunction<IN, ACC, OUT> requireFunction(
            String name, AggregateFunction<IN, ACC, OUT> function) {
        return Objects.requireNonNull(function, () -> "AggregateFunction of aggregating state '" + name + "' is null");
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggregateFunction;
    }

    @Override
    public Type getType() {
        return Type.AGGREGATING;
    }
}
