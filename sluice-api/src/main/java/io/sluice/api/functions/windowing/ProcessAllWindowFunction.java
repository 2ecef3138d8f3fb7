package io.sluice.api.functions.windowing;

import io.sluice.api.functions.AbstractRichFunction;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import io.sluice.api.windowing.windows.Window;

/** A {@link ProcessWindowFunction} for {@code windowAll}: there is no key. */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** Called when the window is purged for good. */
    public void clear(Context context) throws Exception {}

    /** Valid only during the call it is passed to. */
    public abstract class Context {
        public abstract W window();

        /** State of the current window. */
        public abstract KeyedStateStore windowState();

        /** State shared by all windows. */
        public abstract KeyedStateStore globalState();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
