package io.sluice.api.common.operators;

/**
 * Processing time as user code (sink writers) sees it: the task's clock, and timers whose
 * callbacks run on the task thread, so they never race with {@code write}.
 */
public interface ProcessingTimeService {
    long getCurrentProcessingTime();

    /** Runs {@code callback} once on the task thread at or after {@code timestamp}. */
    void registerTimer(long timestamp, ProcessingTimeCallback callback);

    /** A timer callback; {@code time} is the time it was registered for. */
    @FunctionalInterface
    interface ProcessingTimeCallback {
        void onProcessingTime(long time) throws Exception;
    }
}
