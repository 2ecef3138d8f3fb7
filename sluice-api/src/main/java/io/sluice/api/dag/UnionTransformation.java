package io.sluice.api.dag;

import java.util.List;

/** Merges streams of the same type; no operator of its own. */
public final class UnionTransformation<T> extends Transformation<T> {
    private final List<Transformation<T>> inputs;

    public UnionTransformation(List<Transformation<T>> inputs) {
        super("Union", inputs.get(0).getOutputType(), inputs.get(0).getParallelism());
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public io.sluice.api.typeinfo.TypeInformation<T> getOutputType() {
        return inputs.get(0).getOutputType();
    }

    public List<Transformation<T>> getUnionInputs() {
        return inputs;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.copyOf(inputs);
    }
}
