package io.sluice.api.eventtime;

/**
 * The strategy of {@link WatermarkStrategy#noWatermarks()}: sources recognise it and skip
 * timestamp assignment and watermark generation per record.
 */
public final class NoWatermarksStrategy implements WatermarkStrategy<Object> {
    private static final long serialVersionUID = 1L;

    static final NoWatermarksStrategy INSTANCE = new NoWatermarksStrategy();

    private NoWatermarksStrategy() {}

    @Override
    public WatermarkGenerator<Object> createWatermarkGenerator() {
        return new WatermarkGenerator<>() {
            @Override
            public void onEvent(Object event, long eventTimestamp, WatermarkOutput output) {}

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {}
        };
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
