package io.sluice.api.windowing.assigners;

import io.sluice.api.windowing.windows.TimeWindow;
import java.io.Serializable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a tumbling assigner shifts its windows per subtask, so that not every subtask fires at the
 * same instant. An assigner asks once, on the first element its subtask assigns, and keeps the
 * shift.
 */
public interface WindowStagger extends Serializable {

    /** The shift, in {@code [0, size)}, for windows of length {@code size}. */
    long getStaggerOffset(long currentProcessingTime, long size);

    /** No shift: every subtask's windows start at multiples of the size (plus the offset). */
    WindowStagger ALIGNED = new Named("ALIGNED") {
        private static final long serialVersionUID = 1L;

        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            return 0L;
        }
    };

    /** A random shift in {@code [0, size)}, drawn on the subtask's first element. */
    WindowStagger RANDOM = new Named("RANDOM") {
        private static final long serialVersionUID = 1L;

        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            return (long) (ThreadLocalRandom.current().nextDouble() * size);
        }
    };

    /**
     * The shift that makes the subtask's windows start at the processing time of its first
     * element.
     */
    WindowStagger NATURAL = new Named("NATURAL") {
        private static final long serialVersionUID = 1L;

        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            long alignedStart = TimeWindow.getWindowStartWithOffset(currentProcessingTime, 0, size);
            return Math.max(0, currentProcessingTime - alignedStart);
        }
    };

    /** The built-in staggers print their name. */
    abstract class Named implements WindowStagger {
        private static final long serialVersionUID = 1L;
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
