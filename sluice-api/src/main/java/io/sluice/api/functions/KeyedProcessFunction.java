package io.sluice.api.functions;

import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;

/**
 * A {@link ProcessFunction} on a keyed stream: it knows the current key and (with the event-time
 * work) registers timers per key and uses keyed state.
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** Valid only during the call it is passed to. */
    public abstract class Context {
        public abstract Long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> outputTag, X value);

        public abstract K getCurrentKey();
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();

        @Override
        public abstract K getCurrentKey();
    }
}
