package io.sluice.api.functions;

import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;

/**
 * The most general per-element function: emits any number of elements, reads the element's
 * timestamp and the clocks, and writes to side outputs. Runs on the task thread.
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer fires (keyed streams only). */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** Valid only during the call it is passed to. */
    public abstract class Context {
        /** The element's event timestamp, or null if it has none. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        /** Emits to the side output named by the tag. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
