package io.sluice.api.windowing.triggers;

import io.sluice.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Fires the window every {@code interval} of processing time, at multiples of the interval, from
 * the first element on; the last firing is capped at the window's end.
 *
 * @param <W> the window type
 */
public class ContinuousProcessingTimeTrigger<W extends Window> extends PeriodicFiring<W> {
    private static final long serialVersionUID = 1L;

    private ContinuousProcessingTimeTrigger(long interval) {
        super(interval);
    }

    /** Fires every {@code interval} of processing time. */
    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
        return new ContinuousProcessingTimeTrigger<>(interval.toMillis());
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        startIfIdle(ctx.getCurrentProcessingTime(), window, ctx);
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        return isPeriodicFiring(time, window, ctx) ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    void setTimer(TriggerContext ctx, long time) {
        ctx.registerProcessingTimeTimer(time);
    }

    @Override
    void removeTimer(TriggerContext ctx, long time) {
        ctx.deleteProcessingTimeTimer(time);
    }
}
