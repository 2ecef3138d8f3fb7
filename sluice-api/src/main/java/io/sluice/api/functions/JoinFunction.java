package io.sluice.api.functions;

/**
 * Combines one pair of a window join: called for every pair of a first-input and a second-input
 * element with the same key in the same window, on the task thread.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the result type
 */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {
    OUT join(IN1 first, IN2 second) throws Exception;
}
