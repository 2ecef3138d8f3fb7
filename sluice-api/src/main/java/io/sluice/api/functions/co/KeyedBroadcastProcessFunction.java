package io.sluice.api.functions.co;

import io.sluice.api.functions.TimeDomain;
import io.sluice.api.functions.TimerService;
import io.sluice.api.state.KeyedStateFunction;
import io.sluice.api.state.State;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.util.Collector;

/**
 * Processes a keyed stream connected with a broadcast stream ({@code
 * keyed.connect(other.broadcast(descriptors)).process(function)}). As {@link
 * BroadcastProcessFunction}, plus keyed state and timers on the keyed side, and {@link
 * Context#applyToKeyedState} on the broadcast side to visit the keyed state of every key.
 *
 * @param <KS> the key type of the keyed stream
 * @param <IN1> the type of the keyed stream
 * @param <IN2> the type of the broadcast stream
 * @param <OUT> the output type
 */
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> extends BaseBroadcastProcessFunction {
    private static final long serialVersionUID = 1L;

    /** Called for each element of the keyed stream, with its key current; may only read broadcast state. */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    /**
     * Called for each element of the broadcast stream, on every parallel instance, with no current
     * key; may change the broadcast state, and must change it in the same way on every instance.
     */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** Called when a timer set through {@link ReadOnlyContext#timerService()} fires, with its key current. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** The context of the broadcast side. */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {
        /**
         * Calls {@code function} with each key that has a value in the keyed state of {@code
         * stateDescriptor} on this parallel instance, and that key's state (the key is current
         * during the call, so the state reads and writes that key's value).
         */
        public abstract <VS, S extends State> void applyToKeyedState(
                StateDescriptor<S, VS> stateDescriptor, KeyedStateFunction<KS, S> function) throws Exception;
    }

    /** The context of the keyed side. */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {
        /** Timers of the current key. */
        public abstract TimerService timerService();

        public abstract KS getCurrentKey();
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends ReadOnlyContext {
        public abstract TimeDomain timeDomain();

        /** The key of the timer that fired. */
        @Override
        public abstract KS getCurrentKey();
    }
}
