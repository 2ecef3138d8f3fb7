package io.sluice.api.dag;

import io.sluice.api.connector.source.Source;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.typeinfo.TypeInformation;
import java.util.List;

/** Reads a split-based {@link Source}, applying a watermark strategy per reader. */
public final class SourceTransformation<T> extends Transformation<T> {
    private final Source<T, ?, ?> source;
    private final WatermarkStrategy<T> watermarkStrategy;

    public SourceTransformation(
            String name,
            Source<T, ?, ?> source,
            WatermarkStrategy<T> watermarkStrategy,
            TypeInformation<T> outputType,
            int parallelism) {
        super(name, outputType, parallelism);
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
    }

    public Source<T, ?, ?> getSource() {
        return source;
    }

    public WatermarkStrategy<T> getWatermarkStrategy() {
        return watermarkStrategy;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}
