package io.sluice.api.functions;

import io.sluice.api.util.Collector;

/** Transforms one element into zero, one or more elements, emitted through the collector. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
    void flatMap(T value, Collector<O> out) throws Exception;
}
