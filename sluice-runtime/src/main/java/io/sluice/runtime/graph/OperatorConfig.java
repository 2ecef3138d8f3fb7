package io.sluice.runtime.graph;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.source.Source;
import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.operators.coordination.OperatorID;
import java.io.Serializable;
import java.util.List;

/**
 * One operator of a chain, as the task builds it.
 *
 * @param outputSerializer the output type's serializer, for copies between chained operators; null
 *     for sinks or when the type is unknown (then chained values are passed without copying)
 * @param chainedOutputs the operators of the same chain this one feeds directly
 * @param keySelectors per input, for keyed operators (empty otherwise)
 */
public record OperatorConfig(
        int nodeId,
        String name,
        OperatorID operatorId,
        StreamNode.Kind kind,
        Source<?, ?, ?> source,
        WatermarkStrategy<?> watermarkStrategy,
        OperatorSpec spec,
        Sink<?> sink,
        List<KeySelector<?, ?>> keySelectors,
        TypeSerializer<?> outputSerializer,
        List<ChainedOutput> chainedOutputs)
        implements Serializable {

    /** A direct call to another operator of the chain, for the main output or one side output. */
    public record ChainedOutput(int targetOperatorIndex, int typeNumber, OutputTag<?> outputTag)
            implements Serializable {}
}
