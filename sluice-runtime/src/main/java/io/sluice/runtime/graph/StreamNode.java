package io.sluice.runtime.graph;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.source.Source;
import io.sluice.api.dag.ChainingStrategy;
import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.typeinfo.TypeInformation;
import java.util.ArrayList;
import java.util.List;

/**
 * One operator of the stream graph: exactly one of source, operator spec or sink is set.
 * Built by {@link StreamGraphGenerator}; read by the job graph generator.
 */
public final class StreamNode {
    /** Which of the three kinds this node is. */
    public enum Kind {
        SOURCE,
        OPERATOR,
        SINK
    }

    private final int id;
    private final String name;
    private final String uid;
    private final Kind kind;
    private final Source<?, ?, ?> source;
    private final WatermarkStrategy<?> watermarkStrategy;
    private final OperatorSpec operator;
    private final Sink<?> sink;
    private final int parallelism;
    private final int maxParallelism;
    private final String slotSharingGroup;
    private final ChainingStrategy chainingStrategy;
    private final long bufferTimeout;
    private final TypeInformation<?> outputType;
    private final List<TypeInformation<?>> inputTypes = new ArrayList<>();
    private final List<KeySelector<?, ?>> keySelectors = new ArrayList<>();
    private TypeInformation<?> keyType;
    private final List<StreamEdge> inEdges = new ArrayList<>();
    private final List<StreamEdge> outEdges = new ArrayList<>();

    StreamNode(
            int id,
            String name,
            String uid,
            Kind kind,
            Source<?, ?, ?> source,
            WatermarkStrategy<?> watermarkStrategy,
            OperatorSpec operator,
            Sink<?> sink,
            int parallelism,
            int maxParallelism,
            String slotSharingGroup,
            ChainingStrategy chainingStrategy,
            long bufferTimeout,
            TypeInformation<?> outputType) {
        this.id = id;
        this.name = name;
        this.uid = uid;
        this.kind = kind;
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
        this.operator = operator;
        this.sink = sink;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.slotSharingGroup = slotSharingGroup;
        this.chainingStrategy = chainingStrategy;
        this.bufferTimeout = bufferTimeout;
        this.outputType = outputType;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getUid() {
        return uid;
    }

    public Kind getKind() {
        return kind;
    }

    public Source<?, ?, ?> getSource() {
        return source;
    }

    public WatermarkStrategy<?> getWatermarkStrategy() {
        return watermarkStrategy;
    }

    public OperatorSpec getOperator() {
        return operator;
    }

    public Sink<?> getSink() {
        return sink;
    }

    public int getParallelism() {
        return parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    public ChainingStrategy getChainingStrategy() {
        return chainingStrategy;
    }

    public long getBufferTimeout() {
        return bufferTimeout;
    }

    /** Null for sinks. */
    public TypeInformation<?> getOutputType() {
        return outputType;
    }

    /** Type of input 0 (and 1 for two-input operators). */
    public List<TypeInformation<?>> getInputTypes() {
        return inputTypes;
    }

    /** Key selector per input for keyed operators (empty otherwise). */
    public List<KeySelector<?, ?>> getKeySelectors() {
        return keySelectors;
    }

    public TypeInformation<?> getKeyType() {
        return keyType;
    }

    void setKeyType(TypeInformation<?> keyType) {
        this.keyType = keyType;
    }

    public boolean isKeyed() {
        return !keySelectors.isEmpty();
    }

    public List<StreamEdge> getInEdges() {
        return inEdges;
    }

    public List<StreamEdge> getOutEdges() {
        return outEdges;
    }

    /** The name shown in plans: the user's name, e.g. "Map" or "tokenize". */
    @Override
    public String toString() {
        return name + " (" + id + ")";
    }
}
