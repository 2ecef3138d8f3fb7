package io.sluice.runtime.operators.timers;

import io.sluice.api.functions.TimerService;
import io.sluice.runtime.state.VoidNamespace;

/** The {@link TimerService} of keyed process functions: timers of the current key, without namespace. */
public final class SimpleTimerService implements TimerService {
    private final InternalTimerService<VoidNamespace> internal;

    public SimpleTimerService(InternalTimerService<VoidNamespace> internal) {
        this.internal = internal;
    }

    @Override
    public long currentProcessingTime() {
        return internal.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return internal.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        internal.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        internal.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        internal.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        internal.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
    }
}
