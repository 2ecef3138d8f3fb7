package io.sluice.api.functions.windowing;

import io.sluice.api.functions.Function;
import io.sluice.api.util.Collector;
import io.sluice.api.windowing.windows.Window;

/** A {@link WindowFunction} for {@code windowAll}: there is no key. */
@FunctionalInterface
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {
    void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
