package io.sluice.api.eventtime;

import java.time.Duration;

/**
 * Watermarks for timestamps that never decrease: {@link BoundedOutOfOrdernessWatermarks} with a
 * bound of zero, so the watermark is the largest timestamp seen minus 1 ms. Used by {@link
 * WatermarkStrategy#forMonotonousTimestamps()}. Task thread only.
 *
 * @param <T> the type of the events
 */
public class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {
    public AscendingTimestampsWatermarks() {
        super(Duration.ZERO);
    }
}
