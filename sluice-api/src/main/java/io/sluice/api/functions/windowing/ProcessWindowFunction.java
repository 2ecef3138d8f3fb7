package io.sluice.api.functions.windowing;

import io.sluice.api.functions.AbstractRichFunction;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import io.sluice.api.windowing.windows.Window;

/**
 * Evaluates one window of one key when its trigger fires, with a context that gives the window,
 * the clocks, per-window and per-key state and side outputs. Runs on the task thread of the window
 * operator; {@link #clear} is called when the window is dropped (its cleanup time passed).
 *
 * @param <IN> the input type (the pre-aggregated type after reduce/aggregate)
 * @param <OUT> the output type
 * @param <KEY> the key type
 * @param <W> the window type
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Evaluates the window; the results carry the timestamp {@code window.maxTimestamp()}. */
    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** Called when the window is purged for good; clear {@link Context#windowState()} here. */
    public void clear(Context context) throws Exception {}

    /** Valid only during the call it is passed to. */
    public abstract class Context {
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** State of the current key and window. */
        public abstract KeyedStateStore windowState();

        /** State of the current key, shared by all its windows. */
        public abstract KeyedStateStore globalState();

        /** Emits to a side output, with the timestamp {@code window.maxTimestamp()}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
