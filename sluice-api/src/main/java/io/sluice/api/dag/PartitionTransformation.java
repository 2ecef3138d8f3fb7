package io.sluice.api.dag;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.Partitioner;
import java.io.Serializable;
import java.util.List;

/** Changes how the input's elements are distributed to the next operator's subtasks; no operator of its own. */
public final class PartitionTransformation<T> extends Transformation<T> {

    /** The partitioning schemes of the DataStream API. */
    public enum Kind {
        FORWARD,
        REBALANCE,
        RESCALE,
        SHUFFLE,
        GLOBAL,
        BROADCAST,
        /** keyBy: hash of the key, through key groups. */
        HASH,
        CUSTOM
    }

    /** What the runtime needs to build the partitioner. */
    public record Partitioning(Kind kind, KeySelector<?, ?> keySelector, Partitioner<?> customPartitioner)
            implements Serializable {
        public static Partitioning of(Kind kind) {
            return new Partitioning(kind, null, null);
        }
    }

    private final Transformation<T> input;
    private final Partitioning partitioning;

    public PartitionTransformation(Transformation<T> input, Partitioning partitioning) {
        super("Partition", input.getOutputType(), input.getParallelism());
        this.input = input;
        this.partitioning = partitioning;
    }

    @Override
    public io.sluice.api.typeinfo.TypeInformation<T> getOutputType() {
        return input.getOutputType();
    }

    public Transformation<T> getInput() {
        return input;
    }

    public Partitioning getPartitioning() {
        return partitioning;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
