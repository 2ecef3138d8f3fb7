package io.sluice.runtime.graph;

/**
 * Writes the stream graph as a JSON plan shaped like Flink's {@code getExecutionPlan()}:
 * {@code {"nodes":[{"id":1,"type":"Source: x","pact":"Data Source","contents":"x","parallelism":2,
 * "predecessors":[{"id":..,"ship_strategy":"FORWARD","side":"second"}]}]}}.
 */
public final class JsonPlanGenerator {
    private JsonPlanGenerator() {}

    public static String generate(StreamGraph graph) {
        StringBuilder sb = new StringBuilder("{\"nodes\":[");
        boolean firstNode = true;
        for (StreamNode node : graph.getNodes()) {
            if (!firstNode) {
                sb.append(',');
            }
            firstNode = false;
            String pact =
                    switch (node.getKind()) {
                        case SOURCE -> "Data Source";
                        case SINK -> "Data Sink";
                        case OPERATOR -> "Operator";
                    };
            sb.append("{\"id\":")
                    .append(node.getId())
                    .append(",\"type\":")
                    .append(quote(JobGraphGenerator.displayName(node)))
                    .append(",\"pact\":")
                    .append(quote(pact))
                    .append(",\"contents\":")
                    .append(quote(node.getName()))
                    .append(",\"parallelism\":")
                    .append(node.getParallelism())
                    .append(",\"slotSharingGroup\":")
                    .append(quote(node.getSlotSharingGroup()));
            if (!node.getInEdges().isEmpty()) {
                sb.append(",\"predecessors\":[");
                boolean firstEdge = true;
                for (StreamEdge e : node.getInEdges()) {
                    if (!firstEdge) {
                        sb.append(',');
                    }
                    firstEdge = false;
                    sb.append("{\"id\":")
                            .append(e.sourceId())
                            .append(",\"ship_strategy\":")
                            .append(quote(e.partitioning().kind().name()))
                            .append(",\"side\":")
                            .append(quote(e.typeNumber() == 0 ? "first" : "second"));
                    if (e.outputTag() != null) {
                        sb.append(",\"side_output\":")
                                .append(quote(e.outputTag().getId()));
                    }
                    sb.append(",\"chained\":").append(JobGraphGenerator.isChainable(graph, e));
                    sb.append('}');
                }
                sb.append(']');
            }
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
