package io.sluice.api.eventtime;

import java.io.Serializable;

/**
 * Creates a {@link WatermarkGenerator} on the task that runs it; travels with the job graph, so it
 * must be serializable (lambdas welcome). Passed to {@link WatermarkStrategy#forGenerator}.
 */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {

    /** Called once per source subtask, on the task thread, before the first event. */
    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What the runtime offers a supplier when it creates a generator. */
    interface Context {
        /**
         * The clock to measure input activity with (for example an idleness timeout). Read it
         * only in {@link WatermarkGenerator#onPeriodicEmit}, not per event: reading a clock per
         * record costs more than the record.
         */
        RelativeClock getInputActivityClock();

        /** A context whose activity clock is {@link RelativeClock#system()}. */
        static Context system() {
            return RelativeClock::system;
        }
    }
}
