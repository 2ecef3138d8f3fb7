package io.sluice.runtime.state.heap;

import io.sluice.runtime.operators.timers.InternalTimer;
import java.util.List;

/**
 * The timers of one timer service read from a checkpoint, each domain in the order to register
 * them: by timestamp, then as they would have fired.
 */
public record RestoredTimers(List<Timer> eventTime, List<Timer> processingTime) {

    /** One restored timer. */
    public record Timer(long timestamp, Object key, Object namespace) implements InternalTimer<Object, Object> {
        @Override
        public long getTimestamp() {
            return timestamp;
        }

        @Override
        public Object getKey() {
            return key;
        }

        @Override
        public Object getNamespace() {
            return namespace;
        }
    }
}
