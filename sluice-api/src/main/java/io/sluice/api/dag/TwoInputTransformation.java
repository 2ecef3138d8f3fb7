package io.sluice.api.dag;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.typeinfo.TypeInformation;
import java.util.List;

/** Applies one operator to two inputs (connected streams); keyed if both key selectors are set. */
public final class TwoInputTransformation<IN1, IN2, OUT> extends Transformation<OUT> {
    private final Transformation<IN1> input1;
    private final Transformation<IN2> input2;
    private final OperatorSpec operator;
    private KeySelector<IN1, ?> keySelector1;
    private KeySelector<IN2, ?> keySelector2;
    private TypeInformation<?> keyType;

    public TwoInputTransformation(
            Transformation<IN1> input1,
            Transformation<IN2> input2,
            String name,
            OperatorSpec operator,
            TypeInformation<OUT> outputType,
            int parallelism) {
        super(name, outputType, parallelism);
        this.input1 = input1;
        this.input2 = input2;
        this.operator = operator;
    }

    public Transformation<IN1> getInput1() {
        return input1;
    }

    public Transformation<IN2> getInput2() {
        return input2;
    }

    public OperatorSpec getOperator() {
        return operator;
    }

    public KeySelector<IN1, ?> getKeySelector1() {
        return keySelector1;
    }

    public KeySelector<IN2, ?> getKeySelector2() {
        return keySelector2;
    }

    public TypeInformation<?> getKeyType() {
        return keyType;
    }

    public void setKeyed(
            KeySelector<IN1, ?> keySelector1, KeySelector<IN2, ?> keySelector2, TypeInformation<?> keyType) {
        this.keySelector1 = keySelector1;
        this.keySelector2 = keySelector2;
        this.keyType = keyType;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input1, input2);
    }
}
