package io.sluice.api.state;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.typeinfo.TypeInformation;
import java.util.Objects;

/** Describes a {@link ReducingState}: its name, reduce function and value type. */
public class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {
    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reduceFunction;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> typeClass) {
        super(name, typeClass);
        this.reduceFunction = requireFunction(name, reduceFunction);
    }

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInformation<T> typeInfo) {
        super(name, typeInfo);
        this.reduceFunction = requireFunction(name, reduceFunction);
    }

    private static <T> ReduceFunction<T> requireFunction(String name, ReduceFunction<T> function) {
        return Objects.requireNonNull(function, () -> "ReduceFunction of reducing state '" + name + "' is null");
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }

    @Override
    public Type getType() {
        return Type.REDUCING;
    }
}
