package io.sluice.api.functions.co;

import io.sluice.api.util.Collector;

/**
 * Processes a non-keyed stream connected with a broadcast stream ({@code
 * stream.connect(other.broadcast(descriptors)).process(function)}). Each broadcast element reaches
 * every parallel instance, which typically stores it (rules, configuration) in broadcast state;
 * the elements of the other stream read that state.
 *
 * <p>Both methods run on the task thread and never concurrently. The order in which elements of
 * the two inputs interleave is not defined: an element can arrive before the broadcast element it
 * needs.
 *
 * @param <IN1> the type of the non-broadcast stream
 * @param <IN2> the type of the broadcast stream
 * @param <OUT> the output type
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    /** Called for each element of the non-broadcast stream; may only read broadcast state. */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    /**
     * Called for each element of the broadcast stream, on every parallel instance; may change the
     * broadcast state, and must change it in the same way on every instance.
     */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** {@inheritDoc} */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {}

    /** {@inheritDoc} */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {}
}
