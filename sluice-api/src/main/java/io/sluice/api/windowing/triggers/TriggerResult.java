package io.sluice.api.windowing.triggers;

/** What a trigger decides for a window: evaluate it (fire), drop its contents (purge), both, or neither. */
public enum TriggerResult {
    /** Do nothing. */
    CONTINUE(false, false),
    /** Evaluate the window and emit the result, then clear its contents. */
    FIRE_AND_PURGE(true, true),
    /** Evaluate the window and emit the result; keep its contents. */
    FIRE(true, false),
    /** Clear the window's contents without evaluating it. */
    PURGE(false, true);

    private final boolean fire;
    private final boolean purge;

    TriggerResult(boolean fire, boolean purge) {
        this.fire = fire;
        this.purge = purge;
    }

    public boolean isFire() {
        return fire;
    }

    public boolean isPurge() {
        return purge;
    }
}
