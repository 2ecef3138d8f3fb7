package io.sluice.api.eventtime;

import java.time.Duration;

/** {@link WatermarkStrategy#withIdleness}: a base strategy whose generator goes idle when quiet. */
final class WatermarkStrategyWithIdleness<T> implements WatermarkStrategy<T> {
    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<T> base;
    private final Duration idleTimeout;

    WatermarkStrategyWithIdleness(WatermarkStrategy<T> base, Duration idleTimeout) {
        WatermarksWithIdleness.checkTimeout(idleTimeout);
        this.base = base;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator() {
        return new WatermarksWithIdleness<>(base.createWatermarkGenerator(), idleTimeout);
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return new WatermarksWithIdleness<>(
                base.createWatermarkGenerator(context), idleTimeout, context.getInputActivityClock());
    }

    @Override
    public TimestampAssigner<T> createTimestampAssigner() {
        return base.createTimestampAssigner();
    }
}
