package io.sluice.api.dag;

import io.sluice.api.connector.sink.Sink;
import java.util.List;

/** Writes the input to a {@link Sink}. */
public final class SinkTransformation<T> extends Transformation<Object> {
    private final Transformation<T> input;
    private final Sink<T> sink;

    public SinkTransformation(Transformation<T> input, String name, Sink<T> sink, int parallelism) {
        super(name, null, parallelism);
        this.input = input;
        this.sink = sink;
    }

    public Transformation<T> getInput() {
        return input;
    }

    public Sink<T> getSink() {
        return sink;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
