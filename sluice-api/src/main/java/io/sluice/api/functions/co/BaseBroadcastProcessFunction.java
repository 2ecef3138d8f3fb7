package io.sluice.api.functions.co;

import io.sluice.api.functions.AbstractRichFunction;
import io.sluice.api.state.BroadcastState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReadOnlyBroadcastState;
import io.sluice.api.util.OutputTag;

/**
 * What {@link BroadcastProcessFunction} and {@link KeyedBroadcastProcessFunction} share: the
 * contexts of their two sides. The broadcast side gets a {@link Context} that can change the
 * broadcast state; the other side a {@link ReadOnlyContext} that can only read it, so that every
 * parallel instance keeps the same broadcast state.
 */
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** What both sides' contexts offer. Valid only during the call it is passed to. */
    abstract class BaseContext {
        /** The timestamp of the element being processed, or null if it has none. */
        public abstract Long timestamp();

        /** Emits {@code value} to the side output {@code outputTag}, with the element's timestamp. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();
    }

    /** The context of the broadcast side: read-write access to the broadcast state. */
    public abstract class Context extends BaseContext {
        /**
         * The broadcast state of {@code stateDescriptor}, which must be one of those given to
         * {@code DataStream.broadcast(...)}.
         *
         * @throws IllegalArgumentException if it is not
         */
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }

    /** The context of the non-broadcast side: read-only access to the broadcast state. */
    public abstract class ReadOnlyContext extends BaseContext {
        /** A read-only view of the broadcast state of {@code stateDescriptor} (see {@link Context}). */
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }
}
