package io.sluice.runtime.tasks;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.source.Source;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.runtime.checkpoint.JobManagerTaskRestore;
import io.sluice.runtime.graph.OperatorConfig;
import io.sluice.runtime.graph.OperatorConfig.ChainedOutput;
import io.sluice.runtime.graph.TaskConfig;
import io.sluice.runtime.graph.TaskConfig.NetworkOutput;
import io.sluice.runtime.operators.OperatorFactory;
import io.sluice.runtime.operators.Output;
import io.sluice.runtime.operators.SinkWriterOperator;
import io.sluice.runtime.operators.StateInitializationContext;
import io.sluice.runtime.operators.StreamOperator;
import io.sluice.runtime.operators.StreamOperatorParameters;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorEventHandler;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.source.SourceOperator;
import io.sluice.runtime.state.OperatorRestore;
import io.sluice.runtime.state.OperatorSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The operators of one task, wired: chained operators call each other through
 * {@link ChainingOutput}s; operators with network outputs write through
 * {@link RecordWriterOutput}s. Task thread only.
 *
 * <p>Life cycle: {@link #open()} opens tail first; {@link #finish()} finishes head first (each
 * flushes what it buffered into the still-open operators behind it); {@link #close()} closes all,
 * keeping the first exception.
 */
final class OperatorChain {
    private final List<StreamOperator<?>> operators;

    /**
     * @param parameters the parameters for one operator given its config and output
     * @param writerOutputs the network outputs, in the order of {@code config.outputs()}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    OperatorChain(
            TaskConfig config,
            List<RecordWriterOutput<?>> writerOutputs,
            Function<ParameterRequest, StreamOperatorParameters<?>> parameters) {
        List<OperatorConfig> configs = config.operators();
        List<StreamOperator<?>> ops = new ArrayList<>(configs.size());
        for (OperatorConfig oc : configs) {
            ops.add(instantiate(oc));
        }
        for (int i = configs.size() - 1; i >= 0; i--) {
            OperatorConfig oc = configs.get(i);
            List<Output<?>> outs = new ArrayList<>();
            for (ChainedOutput co : oc.chainedOutputs()) {
                outs.add(new ChainingOutput<>(
                        ops.get(co.targetOperatorIndex()),
                        co.typeNumber(),
                        (TypeSerializer) oc.outputSerializer(),
                        co.outputTag()));
            }
            List<NetworkOutput> networkOutputs = config.outputs();
            for (int n = 0; n < networkOutputs.size(); n++) {
                if (networkOutputs.get(n).operatorIndex() == i) {
                    outs.add(writerOutputs.get(n));
                }
            }
            Output<?> output =
                    switch (outs.size()) {
                        case 0 -> new DiscardingOutput<>();
                        case 1 -> outs.get(0);
                        default -> new BroadcastingOutput(outs.toArray(new Output[0]));
                    };
            StreamOperator op = ops.get(i);
            op.setup(parameters.apply(new ParameterRequest(oc, output)));
        }
        this.operators = List.copyOf(ops);
    }

    /** What the task is asked for, to build one operator's parameters. */
    record ParameterRequest(OperatorConfig config, Output<?> output) {}

    private static StreamOperator<?> instantiate(OperatorConfig oc) {
        return switch (oc.kind()) {
            case SOURCE -> new SourceOperator<>((Source) oc.source(), oc.watermarkStrategy());
            case SINK -> new SinkWriterOperator<>((Sink) oc.sink());
            case OPERATOR -> OperatorFactory.create(oc.spec());
        };
    }

    StreamOperator<?> getHead() {
        return operators.get(0);
    }

    /** Creates (and, with a restore, restores) every operator's state; before {@link #open()}. */
    void initializeState(JobManagerTaskRestore restore) throws Exception {
        for (StreamOperator<?> op : operators) {
            OperatorRestore r = restore == null ? null : restore.operators().get(op.getOperatorId());
            op.initializeState(r == null ? StateInitializationContext.FRESH : new StateInitializationContext(r));
        }
    }

    /** Head first, so what an operator emits reaches the ones behind it before they snapshot. */
    void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        for (StreamOperator<?> op : operators) {
            op.prepareSnapshotPreBarrier(checkpointId);
        }
    }

    /** The synchronous part of every operator's snapshot, by operator. */
    Map<OperatorID, OperatorSnapshot> snapshotState(long checkpointId, long timestamp) throws Exception {
        Map<OperatorID, OperatorSnapshot> snapshots = new LinkedHashMap<>();
        for (StreamOperator<?> op : operators) {
            snapshots.put(op.getOperatorId(), op.snapshotState(checkpointId, timestamp));
        }
        return snapshots;
    }

    void notifyCheckpointComplete(long checkpointId) throws Exception {
        for (StreamOperator<?> op : operators) {
            op.notifyCheckpointComplete(checkpointId);
        }
    }

    void notifyCheckpointAborted(long checkpointId) throws Exception {
        for (StreamOperator<?> op : operators) {
            op.notifyCheckpointAborted(checkpointId);
        }
    }

    void open() throws Exception {
        for (int i = operators.size() - 1; i >= 0; i--) {
            operators.get(i).open();
        }
    }

    void finish() throws Exception {
        for (StreamOperator<?> op : operators) {
            op.finish();
        }
    }

    /** Closes every operator; the first exception is rethrown after all were tried. */
    void close() throws Exception {
        Exception first = null;
        for (StreamOperator<?> op : operators) {
            try {
                op.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Delivers a coordinator event to the operator it is for. */
    void dispatchOperatorEvent(OperatorID operatorId, OperatorEvent event) throws Exception {
        for (StreamOperator<?> op : operators) {
            if (op.getOperatorId().equals(operatorId)) {
                if (op instanceof OperatorEventHandler handler) {
                    handler.handleOperatorEvent(event);
                    return;
                }
                throw new IllegalStateException(
                        "Operator " + operatorId + " does not accept coordinator events: " + event);
            }
        }
        throw new IllegalStateException("No operator " + operatorId + " in this task for event " + event);
    }
}
