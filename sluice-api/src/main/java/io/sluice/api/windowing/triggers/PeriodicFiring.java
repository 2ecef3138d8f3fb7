package io.sluice.api.windowing.triggers;

import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.windowing.windows.Window;

/**
 * What the continuous triggers share: the window's next periodic firing, kept in its trigger state
 * (merged windows keep the earliest), aligned to multiples of the interval and capped at the
 * window's last timestamp, with a timer in one time domain.
 */
abstract class PeriodicFiring<W extends Window> extends Trigger<Object, W> {
    private static final long serialVersionUID = 1L;

    final long interval;
    private final ReducingStateDescriptor<Long> nextFiring =
            new ReducingStateDescriptor<>("fire-time", Math::min, Types.LONG);

    PeriodicFiring(long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException(
                    "The interval of a continuous trigger must be positive, was " + interval + " ms");
        }
        this.interval = interval;
    }

    abstract void setTimer(TriggerContext ctx, long time);

    abstract void removeTimer(TriggerContext ctx, long time);

    /** Schedules the first periodic firing after {@code time} if the window has none yet. */
    final void startIfIdle(long time, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> next = ctx.getPartitionedState(nextFiring);
        if (next.get() == null) {
            scheduleAfter(time - (time % interval), window, ctx, next);
        }
    }

    /** Whether {@code time} is the window's periodic firing; if so, schedules the next one. */
    final boolean isPeriodicFiring(long time, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> next = ctx.getPartitionedState(nextFiring);
        Long scheduled = next.get();
        if (scheduled == null || scheduled != time) {
            return false;
        }
        next.clear();
        scheduleAfter(time, window, ctx, next);
        return true;
    }

    private void scheduleAfter(long alignedTime, W window, TriggerContext ctx, ReducingState<Long> next)
            throws Exception {
        long at = Math.min(alignedTime + interval, window.maxTimestamp());
        next.add(at);
        setTimer(ctx, at);
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> next = ctx.getPartitionedState(nextFiring);
        Long scheduled = next.get();
        if (scheduled != null) {
            removeTimer(ctx, scheduled);
            next.clear();
        }
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(nextFiring);
        Long earliest = ctx.getPartitionedState(nextFiring).get();
        if (earliest != null) {
            setTimer(ctx, earliest);
        }
    }

    public long getInterval() {
        return interval;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + interval + ")";
    }
}
