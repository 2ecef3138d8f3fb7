package io.sluice.api.windowing.triggers;

import io.sluice.api.state.MergingState;
import io.sluice.api.state.State;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Decides when a window is evaluated and when its contents are dropped. The window operator calls
 * it, per key and window, for each element and for each timer the trigger registered; all calls
 * run on the task thread, with the key of the element or timer as the current key.
 *
 * <p>A trigger keeps what it needs across calls in state from
 * {@link TriggerContext#getPartitionedState} (scoped to the key and window), never in fields: one
 * trigger object serves every key and window of a subtask.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public abstract class Trigger<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Called for every element added to {@code window}. */
    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    /** Called when a processing-time timer this trigger registered for {@code window} fires. */
    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    /** Called when an event-time timer this trigger registered for {@code window} fires. */
    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    /** Whether this trigger supports merging windows (session windows need it). */
    public boolean canMerge() {
        return false;
    }

    /**
     * Called when windows merged into {@code window}: re-register timers for it and merge trigger
     * state with {@link OnMergeContext#mergePartitionedState}.
     */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " does not support merging windows (canMerge() is false)");
    }

    /** Called when {@code window} is removed: delete its timers and trigger state. */
    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /** What a trigger may do: read the clocks, set and delete timers, use state for this key and window. */
    public interface TriggerContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();

        /** Calls {@link #onProcessingTime} when processing time reaches {@code time}. */
        void registerProcessingTimeTimer(long time);

        /** Calls {@link #onEventTime} when the watermark reaches {@code time}. */
        void registerEventTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        /** State scoped to the current key and window. */
        <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor);
    }

    /** The context of {@link #onMerge}. */
    public interface OnMergeContext extends TriggerContext {
        /** Merges the state named by the descriptor of the merged windows into the result window. */
        <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> stateDescriptor);
    }
}
