package io.sluice.runtime.graph;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.common.JobID;
import io.sluice.api.dag.ChainingStrategy;
import io.sluice.api.dag.PartitionTransformation.Kind;
import io.sluice.api.typeinfo.InvalidTypesException;
import io.sluice.api.typeinfo.MissingTypeInfo;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.graph.OperatorConfig.ChainedOutput;
import io.sluice.runtime.graph.TaskConfig.NetworkInput;
import io.sluice.runtime.graph.TaskConfig.NetworkOutput;
import io.sluice.runtime.jobgraph.DistributionPattern;
import io.sluice.runtime.jobgraph.IntermediateDataSetID;
import io.sluice.runtime.jobgraph.JobEdge;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import io.sluice.runtime.jobgraph.JobVertexID;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.source.coordinator.SourceCoordinatorProvider;
import io.sluice.runtime.util.SerializedValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Chains the operators of a {@link StreamGraph} into job vertices and builds the {@link JobGraph}.
 *
 * <p>An edge is chained (the two operators call each other directly in one thread, without
 * serialization) when: chaining is enabled, the edge is FORWARD, both sides have the same
 * parallelism and slot sharing group, the target has no other input, the source's strategy is not
 * NEVER and the target's is ALWAYS. Every other edge becomes a network exchange: one intermediate
 * data set per edge.
 */
public final class JobGraphGenerator {

    /** The operators of one chain, head first, and the edges leaving it over the network. */
    private static final class Chain {
        final int headId;
        final List<Integer> nodeIds = new ArrayList<>();
        final List<StreamEdge> networkOutputs = new ArrayList<>();
        final List<StreamEdge> networkInputs = new ArrayList<>();
        final JobVertexID vertexId = new JobVertexID();

        Chain(int headId) {
            this.headId = headId;
        }
    }

    private final StreamGraph graph;
    private final ExecutionConfig config;
    private final TreeMap<Integer, Chain> chainsByHead = new TreeMap<>();
    private final Map<Integer, Chain> chainOfNode = new HashMap<>();

    private JobGraphGenerator(StreamGraph graph) {
        this.graph = graph;
        this.config = graph.getExecutionConfig();
    }

    public static JobGraph generate(StreamGraph graph) {
        return generate(graph, JobID.generate());
    }

    public static JobGraph generate(StreamGraph graph, JobID jobId) {
        return new JobGraphGenerator(graph).build(jobId);
    }

    /** True if the edge is chained (see the class comment). */
    public static boolean isChainable(StreamGraph graph, StreamEdge edge) {
        StreamNode source = graph.getNode(edge.sourceId());
        StreamNode target = graph.getNode(edge.targetId());
        return graph.isChainingEnabled()
                && edge.partitioning().kind() == Kind.FORWARD
                && target.getInEdges().size() == 1
                && source.getParallelism() == target.getParallelism()
                && source.getSlotSharingGroup().equals(target.getSlotSharingGroup())
                && source.getChainingStrategy() != ChainingStrategy.NEVER
                && target.getChainingStrategy() == ChainingStrategy.ALWAYS;
    }

    private JobGraph build(JobID jobId) {
        for (StreamNode node : graph.getNodes()) {
            if (node.getInEdges().isEmpty() || node.getInEdges().stream().noneMatch(e -> isChainable(graph, e))) {
                Chain chain = new Chain(node.getId());
                chainsByHead.put(node.getId(), chain);
                collect(chain, node);
            }
        }
        for (Chain chain : chainsByHead.values()) {
            for (StreamEdge out : chain.networkOutputs) {
                chainOfNode.get(out.targetId()).networkInputs.add(out);
            }
        }
        JobGraph jobGraph = new JobGraph(jobId, graph.getJobName(), config);
        jobGraph.getJobConfiguration().addAll(graph.getJobConfiguration());
        // By identity: a stream unioned with itself has two equal edges, and each needs its own data set.
        Map<StreamEdge, IntermediateDataSetID> dataSets = new IdentityHashMap<>();
        for (Chain chain : chainsByHead.values()) {
            chain.networkInputs.sort(
                    Comparator.comparingInt(StreamEdge::typeNumber).thenComparingInt(StreamEdge::sourceId));
            for (StreamEdge out : chain.networkOutputs) {
                dataSets.put(out, new IntermediateDataSetID());
            }
        }
        for (Chain chain : chainsByHead.values()) {
            jobGraph.addVertex(createVertex(chain, dataSets));
        }
        jobGraph.setJsonPlan(JsonPlanGenerator.generate(graph));
        return jobGraph;
    }

    /** Adds {@code node} and everything chained behind it to {@code chain}, depth first. */
    private void collect(Chain chain, StreamNode node) {
        chain.nodeIds.add(node.getId());
        chainOfNode.put(node.getId(), chain);
        for (StreamEdge e : node.getOutEdges()) {
            if (isChainable(graph, e)) {
                collect(chain, graph.getNode(e.targetId()));
            } else {
                chain.networkOutputs.add(e);
            }
        }
    }

    private JobVertex createVertex(Chain chain, Map<StreamEdge, IntermediateDataSetID> dataSets) {
        StreamNode head = graph.getNode(chain.headId);
        Map<Integer, Integer> indexOfNode = new HashMap<>();
        for (int i = 0; i < chain.nodeIds.size(); i++) {
            indexOfNode.put(chain.nodeIds.get(i), i);
        }
        List<OperatorConfig> operators = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<SerializedValue<io.sluice.runtime.operators.coordination.OperatorCoordinator.Provider>> coordinators =
                new ArrayList<>();
        for (int nodeId : chain.nodeIds) {
            StreamNode node = graph.getNode(nodeId);
            List<ChainedOutput> chained = new ArrayList<>();
            for (StreamEdge e : node.getOutEdges()) {
                if (isChainable(graph, e)) {
                    chained.add(new ChainedOutput(indexOfNode.get(e.targetId()), e.typeNumber(), e.outputTag()));
                }
            }
            OperatorID operatorId = operatorId(node);
            operators.add(new OperatorConfig(
                    node.getId(),
                    displayName(node),
                    operatorId,
                    node.getKind(),
                    node.getSource(),
                    node.getWatermarkStrategy(),
                    node.getOperator(),
                    node.getSink(),
                    List.copyOf(node.getKeySelectors()),
                    chainSerializer(node),
                    chained));
            names.add(displayName(node));
            if (node.getKind() == StreamNode.Kind.SOURCE) {
                coordinators.add(SerializedValue.of(new SourceCoordinatorProvider<>(operatorId, node.getSource())));
            }
        }
        List<NetworkInput> inputs = new ArrayList<>();
        for (StreamEdge in : chain.networkInputs) {
            inputs.add(new NetworkInput(
                    in.typeNumber(), serializerFor(head.getInputTypes().get(in.typeNumber()), head)));
        }
        List<NetworkOutput> outputs = new ArrayList<>();
        for (StreamEdge out : chain.networkOutputs) {
            StreamNode producer = graph.getNode(out.sourceId());
            StreamNode consumer = graph.getNode(out.targetId());
            TypeInformation<?> type =
                    out.outputTag() != null ? out.outputTag().getTypeInfo() : producer.getOutputType();
            outputs.add(new NetworkOutput(
                    indexOfNode.get(out.sourceId()),
                    out.outputTag(),
                    out.partitioning(),
                    serializerFor(type, producer),
                    consumer.getMaxParallelism(),
                    producer.getBufferTimeout()));
        }
        byte[] taskConfig = new TaskConfig(operators, inputs, outputs).toBytes();
        JobVertex vertex = new JobVertex(
                chain.vertexId,
                String.join(" -> ", names),
                head.getParallelism(),
                head.getMaxParallelism(),
                head.getSlotSharingGroup(),
                taskConfig,
                head.getKind() == StreamNode.Kind.SOURCE);
        vertex.getOperatorCoordinators().addAll(coordinators);
        for (int i = 0; i < operators.size(); i++) {
            vertex.getOperators().put(operators.get(i).operatorId(), names.get(i));
        }
        for (StreamEdge in : chain.networkInputs) {
            Chain producer = chainOfNode.get(in.sourceId());
            Kind kind = in.partitioning().kind();
            DistributionPattern pattern = kind == Kind.FORWARD || kind == Kind.RESCALE
                    ? DistributionPattern.POINTWISE
                    : DistributionPattern.ALL_TO_ALL;
            vertex.getInputs()
                    .add(new JobEdge(
                            dataSets.get(in),
                            producer.vertexId,
                            chain.vertexId,
                            pattern,
                            kind.name(),
                            in.typeNumber()));
        }
        for (StreamEdge out : chain.networkOutputs) {
            vertex.getProducedDataSets().add(dataSets.get(out));
        }
        return vertex;
    }

    /** "Source: x" for sources, "Sink: x" for sinks, the operator's name otherwise. */
    static String displayName(StreamNode node) {
        return switch (node.getKind()) {
            case SOURCE -> node.getName().startsWith("Source: ") ? node.getName() : "Source: " + node.getName();
            case SINK -> node.getName().startsWith("Sink: ") ? node.getName() : "Sink: " + node.getName();
            case OPERATOR -> node.getName();
        };
    }

    private static OperatorID operatorId(StreamNode node) {
        String seed = node.getUid() != null ? "uid:" + node.getUid() : "node:" + node.getId() + ":" + node.getName();
        UUID u = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
        return new OperatorID(u.getMostSignificantBits(), u.getLeastSignificantBits());
    }

    /** The serializer a network exchange needs: an unknown type is an error naming the operator. */
    private TypeSerializer<?> serializerFor(TypeInformation<?> type, StreamNode producer) {
        if (type == null) {
            throw new InvalidTypesException("The output type of '" + displayName(producer) + "' is unknown.");
        }
        return type.createSerializer(config);
    }

    /** The serializer for copies between chained operators; null if not needed or the type is unknown. */
    private TypeSerializer<?> chainSerializer(StreamNode node) {
        TypeInformation<?> type = node.getOutputType();
        if (type == null || type instanceof MissingTypeInfo || config.isObjectReuseEnabled()) {
            return null;
        }
        try {
            return type.createSerializer(config);
        } catch (InvalidTypesException e) {
            return null; // generic types forbidden: chained values are then passed without copying
        }
    }
}
