package io.sluice.api.functions.co;

import io.sluice.api.functions.AbstractRichFunction;

/** A {@link CoFlatMapFunction} with open/close and a runtime context. */
public abstract class RichCoFlatMapFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements CoFlatMapFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}
