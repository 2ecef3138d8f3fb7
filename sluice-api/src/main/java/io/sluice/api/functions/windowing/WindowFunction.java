package io.sluice.api.functions.windowing;

import io.sluice.api.functions.Function;
import io.sluice.api.util.Collector;
import io.sluice.api.windowing.windows.Window;

/**
 * Evaluates one window of one key when its trigger fires. After {@code reduce} or {@code
 * aggregate} the iterable holds exactly one element, the pre-aggregated value.
 *
 * @param <IN> the input type (the pre-aggregated type after reduce/aggregate)
 * @param <OUT> the output type
 * @param <KEY> the key type
 * @param <W> the window type
 */
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {
    void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
