package io.sluice.runtime.operators.timers;

/**
 * Receives the timers of one {@link InternalTimerService}. When it is called, the timer's key is
 * the operator's current key (keyed state reads that key's values).
 */
public interface Triggerable<K, N> {
    void onEventTime(InternalTimer<K, N> timer) throws Exception;

    void onProcessingTime(InternalTimer<K, N> timer) throws Exception;
}
