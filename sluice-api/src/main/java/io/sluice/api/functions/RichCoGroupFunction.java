package io.sluice.api.functions;

/** A {@link CoGroupFunction} with a life cycle and a runtime context, for a co-group. */
public abstract class RichCoGroupFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements CoGroupFunction<IN1, IN2, OUT> {}
