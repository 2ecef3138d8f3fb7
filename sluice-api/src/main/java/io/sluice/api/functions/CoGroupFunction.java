package io.sluice.api.functions;

import io.sluice.api.util.Collector;

/**
 * Receives, per key and window of a co-group, all elements of the first input and all of the
 * second; called once per key and window fired, on the task thread. One of the two may be empty
 * (a key present on one side only), never both.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <O> the result type
 */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, O> extends Function {
    /**
     * @param first the first input's elements of this key and window, in arrival order
     * @param second the second input's elements of this key and window, in arrival order
     * @param out emits results
     */
    void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<O> out) throws Exception;
}
