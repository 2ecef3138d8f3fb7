package io.sluice.runtime.e2e.api;

import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.triggers.TriggerResult;
import io.sluice.api.windowing.windows.TimeWindow;

/** Triggers for window tests. */
final class WindowOperatorTriggers {
    private WindowOperatorTriggers() {}

    /** Never fires; does not support merging. */
    static final class NonMerging extends Trigger<Object, TimeWindow> {
        @Override
        public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {}
    }
}
