package io.sluice.runtime.operators.timers;

/**
 * Timers of one keyed operator under one name, for the operator's current key. There is at most
 * one timer per (key, namespace, timestamp) and time domain: registering it again does nothing.
 * Event-time timers fire in timestamp order when the operator's watermark reaches them, before the
 * watermark goes downstream; processing-time timers fire when the task's processing-time clock
 * reaches them. Task thread only.
 *
 * @param <N> the namespace type ({@link io.sluice.runtime.state.VoidNamespace} when there is none)
 */
public interface InternalTimerService<N> {
    long currentProcessingTime();

    /** The operator's event-time clock: the last watermark it received. */
    long currentWatermark();

    void registerProcessingTimeTimer(N namespace, long time);

    void deleteProcessingTimeTimer(N namespace, long time);

    void registerEventTimeTimer(N namespace, long time);

    void deleteEventTimeTimer(N namespace, long time);
}
