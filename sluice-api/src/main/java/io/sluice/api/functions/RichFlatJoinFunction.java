package io.sluice.api.functions;

/** A {@link FlatJoinFunction} with a life cycle and a runtime context, for a window join. */
public abstract class RichFlatJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements FlatJoinFunction<IN1, IN2, OUT> {}
