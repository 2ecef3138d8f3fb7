package io.sluice.api.dag;

import io.sluice.api.util.OutputTag;
import java.util.List;

/** Selects the elements an operator emitted to one side output; no operator of its own. */
public final class SideOutputTransformation<T> extends Transformation<T> {
    private final Transformation<?> input;
    private final OutputTag<T> tag;

    public SideOutputTransformation(Transformation<?> input, OutputTag<T> tag) {
        super("SideOutput(" + tag.getId() + ")", tag.getTypeInfo(), input.getParallelism());
        this.input = input;
        this.tag = tag;
    }

    public Transformation<?> getInput() {
        return input;
    }

    public OutputTag<T> getOutputTag() {
        return tag;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
