package io.sluice.api.functions;

/**
 * Reads the clocks and (on keyed streams) registers timers for the current key. One timer per
 * (key, timestamp, domain); timers fire on the task thread through {@code onTimer}.
 */
public interface TimerService {
    String UNSUPPORTED_REGISTER_TIMER_MSG = "Setting timers is only supported on keyed streams (after keyBy).";
    String UNSUPPORTED_DELETE_TIMER_MSG = "Deleting timers is only supported on keyed streams (after keyBy).";

    long currentProcessingTime();

    long currentWatermark();

    void registerProcessingTimeTimer(long time);

    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);
}
