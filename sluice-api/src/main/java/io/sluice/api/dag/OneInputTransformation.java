package io.sluice.api.dag;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.typeinfo.TypeInformation;
import java.util.List;

/**
 * Applies one operator to one input. If {@code keySelector} is set the operator runs on a keyed
 * stream (the input was partitioned by that key). An operator whose output type equals its input
 * type (filter) follows the input's type even if it is set later with {@code returns(...)}.
 */
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {
    private final Transformation<IN> input;
    private final OperatorSpec operator;
    private final boolean sameTypeAsInput;
    private KeySelector<IN, ?> keySelector;
    private TypeInformation<?> keyType;

    public OneInputTransformation(
            Transformation<IN> input,
            String name,
            OperatorSpec operator,
            TypeInformation<OUT> outputType,
            int parallelism) {
        super(name, outputType, parallelism);
        this.input = input;
        this.operator = operator;
        this.sameTypeAsInput = false;
    }

    private OneInputTransformation(Transformation<IN> input, String name, OperatorSpec operator, int parallelism) {
        super(name, null, parallelism);
        this.input = input;
        this.operator = operator;
        this.sameTypeAsInput = true;
    }

    /** An operator that emits elements of its input's type. */
    public static <T> OneInputTransformation<T, T> sameType(
            Transformation<T> input, String name, OperatorSpec operator, int parallelism) {
        return new OneInputTransformation<>(input, name, operator, parallelism);
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<OUT> getOutputType() {
        TypeInformation<OUT> own = super.getOutputType();
        return own == null && sameTypeAsInput ? (TypeInformation<OUT>) input.getOutputType() : own;
    }

    public Transformation<IN> getInput() {
        return input;
    }

    public OperatorSpec getOperator() {
        return operator;
    }

    public KeySelector<IN, ?> getKeySelector() {
        return keySelector;
    }

    public TypeInformation<?> getKeyType() {
        return keyType;
    }

    public void setKeyed(KeySelector<IN, ?> keySelector, TypeInformation<?> keyType) {
        this.keySelector = keySelector;
        this.keyType = keyType;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
