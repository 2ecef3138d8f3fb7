package io.sluice.api.windowing.triggers;

import io.sluice.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires the window every {@code interval} of event time (at multiples of the interval, from the
 * first element's timestamp on) and once more when the watermark passes the window's end. An
 * element arriving after that (within allowed lateness) fires the window at once.
 *
 * @param <W> the window type
 */
public class ContinuousEventTimeTrigger<W extends Window> extends PeriodicFiring<W> {
    private static final long serialVersionUID = 1L;

    private ContinuousEventTimeTrigger(long interval) {
        super(interval);
    }

    /** Fires every {@code interval} of event time. */
    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(interval.toMillis());
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE; // a late element within allowed lateness
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        startIfIdle(timestamp, window, ctx);
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        return isPeriodicFiring(time, window, ctx) ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    void setTimer(TriggerContext ctx, long time) {
        ctx.registerEventTimeTimer(time);
    }

    @Override
    void removeTimer(TriggerContext ctx, long time) {
        ctx.deleteEventTimeTimer(time);
    }
}
