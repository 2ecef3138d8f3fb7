package io.sluice.api.functions;

/** A {@link JoinFunction} with a life cycle and a runtime context, for a window join. */
public abstract class RichJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements JoinFunction<IN1, IN2, OUT> {}
