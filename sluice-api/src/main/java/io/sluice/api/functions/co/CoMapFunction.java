package io.sluice.api.functions.co;

import io.sluice.api.functions.Function;

/** Maps the elements of two connected streams to one output type. Calls never overlap. */
public interface CoMapFunction<IN1, IN2, OUT> extends Function {
    OUT map1(IN1 value) throws Exception;

    OUT map2(IN2 value) throws Exception;
}
