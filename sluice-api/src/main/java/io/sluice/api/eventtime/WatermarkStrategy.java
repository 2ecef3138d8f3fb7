package io.sluice.api.eventtime;

import java.io.Serializable;

/**
 * How a source or stream gets event timestamps and watermarks: a timestamp assigner plus a
 * watermark generator. The event-time issue completes this API (bounded out-of-orderness,
 * idleness); here: {@link #noWatermarks()} and {@link #forMonotonousTimestamps()}.
 */
public interface WatermarkStrategy<T> extends Serializable {
    WatermarkGenerator<T> createWatermarkGenerator();

    /** Default: keep the timestamp the source attached (or none). */
    default TimestampAssigner<T> createTimestampAssigner() {
        return (element, recordTimestamp) -> recordTimestamp;
    }

    default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> assigner) {
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            @Override
            public WatermarkGenerator<T> createWatermarkGenerator() {
                return base.createWatermarkGenerator();
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner() {
                return assigner;
            }
        };
    }

    /** No watermarks: event time does not advance until the end of a bounded input. */
    @SuppressWarnings("unchecked")
    static <T> WatermarkStrategy<T> noWatermarks() {
        return (WatermarkStrategy<T>) NoWatermarksStrategy.INSTANCE;
    }

    /** Timestamps never decrease: the watermark trails the largest timestamp seen by 1 ms. */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return () -> new WatermarkGenerator<T>() {
            private long max = Long.MIN_VALUE + 1;

            @Override
            public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
                max = Math.max(max, eventTimestamp);
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.emitWatermark(new Watermark(max - 1));
            }
        };
    }
}
