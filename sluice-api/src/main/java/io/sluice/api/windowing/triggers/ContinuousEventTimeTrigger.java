package io.sluice.api.windowing.triggers;

import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires the window every {@code interval} of event time (when the watermark passes each multiple
 * of the interval after the window's first element) and once more at the end of the window, like
 * {@link EventTimeTrigger}. The next firing time is kept in the window's trigger state; merged
 * windows keep the earliest.
 *
 * @param <W> the window type
 */
public class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;

    private final long interval;
    private final ReducingStateDescriptor<Long> stateDesc =
            new ReducingStateDescriptor<>("fire-time", new Min(), Types.LONG);

    private ContinuousEventTimeTrigger(long interval) {
        this.interval = interval;
    }

    /** Fires every {@code interval} of event time. */
    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(interval.toMillis());
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            // the watermark is already past the window (a late element within allowed lateness)
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        ReducingState<Long> fireTimestampState = ctx.getPartitionedState(stateDesc);
        if (fireTimestampState.get() == null) {
            registerNextFireTimestamp(timestamp - (timestamp % interval), window, ctx, fireTimestampState);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        ReducingState<Long> fireTimestampState = ctx.getPartitionedState(stateDesc);
        Long fireTimestamp = fireTimestampState.get();
        if (fireTimestamp != null && fireTimestamp == time) {
            fireTimestampState.clear();
            registerNextFireTimestamp(time, window, ctx, fireTimestampState);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> fireTimestampState = ctx.getPartitionedState(stateDesc);
        Long fireTimestamp = fireTimestampState.get();
        if (fireTimestamp != null) {
            ctx.deleteEventTimeTimer(fireTimestamp);
            fireTimestampState.clear();
        }
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(stateDesc);
        Long nextFireTimestamp = ctx.getPartitionedState(stateDesc).get();
        if (nextFireTimestamp != null) {
            ctx.registerEventTimeTimer(nextFireTimestamp);
        }
    }

    private void registerNextFireTimestamp(
            long time, W window, TriggerContext ctx, ReducingState<Long> fireTimestampState) throws Exception {
        long nextFireTimestamp = Math.min(time + interval, window.maxTimestamp());
        fireTimestampState.add(nextFireTimestamp);
        ctx.registerEventTimeTimer(nextFireTimestamp);
    }

    public long getInterval() {
        return interval;
    }

    @Override
    public String toString() {
        return "ContinuousEventTimeTrigger(" + interval + ")";
    }

    private static final class Min implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long value1, Long value2) {
            return Math.min(value1, value2);
        }
    }
}
