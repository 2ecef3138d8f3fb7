package io.sluice.api.functions;

import io.sluice.api.util.Collector;

/**
 * Like {@link JoinFunction}, but emits zero, one or more results per pair through the collector.
 *
 * @param <IN1> the first input's type
 * @param <IN2> the second input's type
 * @param <OUT> the result type
 */
@FunctionalInterface
public interface FlatJoinFunction<IN1, IN2, OUT> extends Function {
    void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
