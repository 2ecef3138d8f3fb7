package io.sluice.runtime.graph;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.dag.OneInputTransformation;
import io.sluice.api.dag.PartitionTransformation;
import io.sluice.api.dag.PartitionTransformation.Kind;
import io.sluice.api.dag.PartitionTransformation.Partitioning;
import io.sluice.api.dag.SideOutputTransformation;
import io.sluice.api.dag.SinkTransformation;
import io.sluice.api.dag.SourceTransformation;
import io.sluice.api.dag.Transformation;
import io.sluice.api.dag.TwoInputTransformation;
import io.sluice.api.dag.UnionTransformation;
import io.sluice.api.execution.Pipeline;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.util.OutputTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the transformations of a {@link Pipeline} into a {@link StreamGraph}. Partitioning,
 * union and side-output transformations have no node of their own: they become properties of the
 * edges between real operators.
 */
public final class StreamGraphGenerator {
    /** The slot sharing group of operators that do not name one. */
    public static final String DEFAULT_SLOT_SHARING_GROUP = "default";

    /** Where an edge starts: a real node, with the partitioning and side output chosen on the way. */
    private record Endpoint(int nodeId, Partitioning partitioning, OutputTag<?> outputTag) {}

    private final Pipeline pipeline;
    private final StreamGraph graph;
    private final Map<Integer, List<Endpoint>> done = new HashMap<>();

    private StreamGraphGenerator(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.graph = new StreamGraph(pipeline.jobName(), pipeline.executionConfig(), pipeline.chainingEnabled());
        if (pipeline.configuration() != null) {
            graph.getJobConfiguration().addAll(pipeline.configuration());
        }
    }

    public static StreamGraph generate(Pipeline pipeline) {
        StreamGraphGenerator g = new StreamGraphGenerator(pipeline);
        for (Transformation<?> sink : pipeline.sinks()) {
            g.transform(sink);
        }
        return g.graph;
    }

    private List<Endpoint> transform(Transformation<?> t) {
        List<Endpoint> existing = done.get(t.getId());
        if (existing != null) {
            return existing;
        }
        List<Endpoint> result;
        if (t instanceof SourceTransformation<?> s) {
            StreamNode node = newNode(
                    t,
                    StreamNode.Kind.SOURCE,
                    s.getSource(),
                    s.getWatermarkStrategy(),
                    null,
                    null,
                    DEFAULT_SLOT_SHARING_GROUP);
            result = List.of(new Endpoint(node.getId(), null, null));
        } else if (t instanceof OneInputTransformation<?, ?> o) {
            List<Endpoint> in = transform(o.getInput());
            StreamNode node =
                    newNode(t, StreamNode.Kind.OPERATOR, null, null, o.getOperator(), null, inheritedGroup(in));
            node.getInputTypes().add(o.getInput().getOutputType());
            if (o.getKeySelector() != null) {
                node.getKeySelectors().add(o.getKeySelector());
                node.setKeyType(o.getKeyType());
            }
            connect(in, node, 0);
            result = List.of(new Endpoint(node.getId(), null, null));
        } else if (t instanceof TwoInputTransformation<?, ?, ?> two) {
            List<Endpoint> in1 = transform(two.getInput1());
            List<Endpoint> in2 = transform(two.getInput2());
            List<Endpoint> all = new ArrayList<>(in1);
            all.addAll(in2);
            StreamNode node =
                    newNode(t, StreamNode.Kind.OPERATOR, null, null, two.getOperator(), null, inheritedGroup(all));
            node.getInputTypes().add(two.getInput1().getOutputType());
            node.getInputTypes().add(two.getInput2().getOutputType());
            if (two.getKeySelector1() != null) {
                node.getKeySelectors().add(two.getKeySelector1());
                if (two.getKeySelector2() != null) { // null: input 2 is a broadcast input
                    node.getKeySelectors().add(two.getKeySelector2());
                }
                node.setKeyType(two.getKeyType());
            }
            connect(in1, node, 0);
            connect(in2, node, 1);
            result = List.of(new Endpoint(node.getId(), null, null));
        } else if (t instanceof SinkTransformation<?> sink) {
            List<Endpoint> in = transform(sink.getInput());
            StreamNode node = newNode(t, StreamNode.Kind.SINK, null, null, null, sink.getSink(), inheritedGroup(in));
            node.getInputTypes().add(sink.getInput().getOutputType());
            connect(in, node, 0);
            result = List.of();
        } else if (t instanceof PartitionTransformation<?> p) {
            List<Endpoint> in = transform(p.getInput());
            result = new ArrayList<>();
            for (Endpoint e : in) {
                result.add(new Endpoint(e.nodeId(), p.getPartitioning(), e.outputTag()));
            }
        } else if (t instanceof UnionTransformation<?> u) {
            result = new ArrayList<>();
            for (Transformation<?> input : u.getInputs()) {
                result.addAll(transform(input));
            }
        } else if (t instanceof SideOutputTransformation<?> so) {
            List<Endpoint> in = transform(so.getInput());
            result = new ArrayList<>();
            for (Endpoint e : in) {
                if (e.outputTag() != null || e.partitioning() != null) {
                    throw new IllegalArgumentException(
                            "getSideOutput must be called on the operator that emits the side output '"
                                    + so.getOutputTag().getId() + "', not on a partitioned or side-output stream.");
                }
                result.add(new Endpoint(e.nodeId(), null, so.getOutputTag()));
            }
        } else {
            throw new IllegalStateException("Unknown transformation " + t);
        }
        done.put(t.getId(), result);
        return result;
    }

    private StreamNode newNode(
            Transformation<?> t,
            StreamNode.Kind kind,
            io.sluice.api.connector.source.Source<?, ?, ?> source,
            io.sluice.api.eventtime.WatermarkStrategy<?> wm,
            io.sluice.api.dag.OperatorSpec spec,
            io.sluice.api.connector.sink.Sink<?> sink,
            String inheritedGroup) {
        ExecutionConfig config = pipeline.executionConfig();
        int maxParallelism = t.getMaxParallelism() > 0 ? t.getMaxParallelism() : config.getMaxParallelism();
        if (t.getParallelism() > maxParallelism) {
            throw new IllegalArgumentException("The parallelism of '" + t.getName() + "' (" + t.getParallelism()
                    + ") is larger than its max parallelism (" + maxParallelism + "); raise setMaxParallelism.");
        }
        String group = t.getSlotSharingGroup() != null ? t.getSlotSharingGroup() : inheritedGroup;
        long bufferTimeout = t.getBufferTimeout() != -2 ? t.getBufferTimeout() : pipeline.bufferTimeoutMillis();
        TypeInformation<?> outputType = kind == StreamNode.Kind.SINK ? null : t.getOutputType();
        StreamNode node = new StreamNode(
                t.getId(),
                t.getName(),
                t.getUid(),
                kind,
                source,
                wm,
                spec,
                sink,
                t.getParallelism(),
                maxParallelism,
                group,
                t.getChainingStrategy(),
                bufferTimeout,
                outputType);
        graph.addNode(node);
        return node;
    }

    private String inheritedGroup(List<Endpoint> inputs) {
        String group = null;
        for (Endpoint e : inputs) {
            String g = graph.getNode(e.nodeId()).getSlotSharingGroup();
            if (group == null) {
                group = g;
            } else if (!group.equals(g)) {
                return DEFAULT_SLOT_SHARING_GROUP;
            }
        }
        return group == null ? DEFAULT_SLOT_SHARING_GROUP : group;
    }

    private void connect(List<Endpoint> inputs, StreamNode target, int typeNumber) {
        for (Endpoint e : inputs) {
            StreamNode source = graph.getNode(e.nodeId());
            Partitioning partitioning = e.partitioning();
            if (partitioning == null) {
                partitioning = Partitioning.of(
                        source.getParallelism() == target.getParallelism() ? Kind.FORWARD : Kind.REBALANCE);
            } else if (partitioning.kind() == Kind.FORWARD && source.getParallelism() != target.getParallelism()) {
                throw new UnsupportedOperationException(
                        "Forward partitioning does not allow a change of parallelism: upstream '"
                                + source.getName() + "' has parallelism " + source.getParallelism() + ", downstream '"
                                + target.getName()
                                + "' has " + target.getParallelism()
                                + ". Use another partitioning, such as rebalance() or rescale().");
            }
            graph.addEdge(new StreamEdge(source.getId(), target.getId(), partitioning, typeNumber, e.outputTag()));
        }
    }
}
