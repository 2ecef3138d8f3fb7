package io.sluice.runtime.operators;

/**
 * Processing time for one task: the current time from an injected clock, and callbacks that run
 * on the task thread (through its mailbox) at or after a given time.
 */
public interface ProcessingTimeService {
    long getCurrentProcessingTime();

    /** Runs the callback on the task thread at or after {@code timestamp}; returns a handle to cancel it. */
    Cancellable registerTimer(long timestamp, ProcessingTimeCallback callback);

    /** Runs the callback on the task thread every {@code period} ms, first after {@code initialDelay} ms. */
    Cancellable scheduleAtFixedRate(ProcessingTimeCallback callback, long initialDelay, long period);

    /** A callback on the task thread; {@code time} is the time it was scheduled for. */
    @FunctionalInterface
    interface ProcessingTimeCallback {
        void onProcessingTime(long time) throws Exception;
    }

    /** Cancels a registered timer. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
