package io.sluice.api.functions.co;

import io.sluice.api.functions.Function;
import io.sluice.api.util.Collector;

/** Flat-maps the elements of two connected streams to one output type. Calls never overlap. */
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {
    void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

    void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
