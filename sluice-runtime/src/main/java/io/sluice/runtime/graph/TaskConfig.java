package io.sluice.runtime.graph;

import io.sluice.api.dag.PartitionTransformation.Partitioning;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.util.SerializedValue;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * What one job vertex runs: its operator chain (head first), its network inputs (one per input
 * gate, in the job vertex's input order) and its network outputs (one per produced data set, in
 * order). Java-serialized into {@code JobVertex.getTaskConfiguration()}; each subtask deserializes
 * its own copy, so user functions are never shared between subtasks.
 */
public record TaskConfig(List<OperatorConfig> operators, List<NetworkInput> inputs, List<NetworkOutput> outputs)
        implements Serializable {

    /** An input gate feeding input {@code typeNumber} (0 or 1) of the head operator. */
    public record NetworkInput(int typeNumber, TypeSerializer<?> serializer) implements Serializable {}

    /**
     * A produced data set: records of operator {@code operatorIndex}'s output ({@code outputTag}
     * null = main), partitioned as {@code partitioning}.
     *
     * @param consumerMaxParallelism key groups of the consumer, for hash partitioning
     * @param bufferTimeout -1 flush when full, 0 every record, else milliseconds
     */
    public record NetworkOutput(
            int operatorIndex,
            OutputTag<?> outputTag,
            Partitioning partitioning,
            TypeSerializer<?> serializer,
            int consumerMaxParallelism,
            long bufferTimeout)
            implements Serializable {}

    public byte[] toBytes() {
        return SerializedValue.of(this).getBytes();
    }

    public static TaskConfig fromBytes(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        return SerializedValue.<TaskConfig>fromBytes(bytes).deserialize(loader);
    }
}
