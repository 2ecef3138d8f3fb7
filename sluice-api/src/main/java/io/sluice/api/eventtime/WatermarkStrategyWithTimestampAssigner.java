package io.sluice.api.eventtime;

/** {@link WatermarkStrategy#withTimestampAssigner}: a base strategy with its assigner replaced. */
final class WatermarkStrategyWithTimestampAssigner<T> implements WatermarkStrategy<T> {
    private static final long serialVersionUID = 1L;

    private static final TimestampAssignerSupplier.Context CONTEXT = new TimestampAssignerSupplier.Context() {};

    private final WatermarkStrategy<T> base;
    private final TimestampAssignerSupplier<T> assigner;

    WatermarkStrategyWithTimestampAssigner(WatermarkStrategy<T> base, TimestampAssignerSupplier<T> assigner) {
        this.base = base;
        this.assigner = assigner;
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator() {
        return base.createWatermarkGenerator();
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return base.createWatermarkGenerator(context);
    }

    @Override
    public TimestampAssigner<T> createTimestampAssigner() {
        return assigner.createTimestampAssigner(CONTEXT);
    }
}
