package io.sluice.api.windowing.triggers;

import io.sluice.api.windowing.windows.Window;
import java.util.Objects;

/**
 * Wraps a trigger so that every time it fires, the window's contents are purged too
 * ({@code FIRE} becomes {@code FIRE_AND_PURGE}); every other decision is passed on unchanged.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public class PurgingTrigger<T, W extends Window> extends Trigger<T, W> {
    private static final long serialVersionUID = 1L;

    private final Trigger<T, W> nestedTrigger;

    private PurgingTrigger(Trigger<T, W> nestedTrigger) {
        this.nestedTrigger = Objects.requireNonNull(nestedTrigger, "nestedTrigger must not be null");
    }

    /** {@code nestedTrigger}, purging whenever it fires. */
    public static <T, W extends Window> PurgingTrigger<T, W> of(Trigger<T, W> nestedTrigger) {
        return new PurgingTrigger<>(nestedTrigger);
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
        return purgeIfFire(nestedTrigger.onElement(element, timestamp, window, ctx));
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        return purgeIfFire(nestedTrigger.onEventTime(time, window, ctx));
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        return purgeIfFire(nestedTrigger.onProcessingTime(time, window, ctx));
    }

    private static TriggerResult purgeIfFire(TriggerResult result) {
        return result.isFire() ? TriggerResult.FIRE_AND_PURGE : result;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        nestedTrigger.clear(window, ctx);
    }

    @Override
    public boolean canMerge() {
        return nestedTrigger.canMerge();
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        nestedTrigger.onMerge(window, ctx);
    }

    public Trigger<T, W> getNestedTrigger() {
        return nestedTrigger;
    }

    @Override
    public String toString() {
        return "PurgingTrigger(" + nestedTrigger + ")";
    }
}
