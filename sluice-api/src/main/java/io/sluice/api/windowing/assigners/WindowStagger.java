package io.sluice.api.windowing.assigners;

import io.sluice.api.windowing.windows.TimeWindow;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a tumbling assigner shifts its windows per subtask, so that not every subtask fires at the
 * same instant. The shift is chosen once, on the first element a subtask assigns.
 */
public enum WindowStagger {
    /** No shift: every subtask's windows start at multiples of the size (plus the offset). */
    ALIGNED {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            return 0L;
        }
    },

    /** A random shift in {@code [0, size)}. */
    RANDOM {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            return (long) (ThreadLocalRandom.current().nextDouble() * size);
        }
    },

    /** The shift that makes the subtask's first window start at the processing time of its first element. */
    NATURAL {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            long alignedStart = TimeWindow.getWindowStartWithOffset(currentProcessingTime, 0, size);
            return Math.max(0, currentProcessingTime - alignedStart);
        }
    };

    /** The shift, in {@code [0, size)}, for windows of length {@code size}. */
    public abstract long getStaggerOffset(long currentProcessingTime, long size);
}
