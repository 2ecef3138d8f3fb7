package io.sluice.runtime.tasks;

import io.sluice.api.accumulators.Accumulator;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.dag.PartitionTransformation.Partitioning;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.Partitioner;
import io.sluice.runtime.deployment.InputGateDeploymentDescriptor;
import io.sluice.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.sluice.runtime.deployment.TaskDeploymentDescriptor;
import io.sluice.runtime.graph.TaskConfig;
import io.sluice.runtime.graph.TaskConfig.NetworkInput;
import io.sluice.runtime.graph.TaskConfig.NetworkOutput;
import io.sluice.runtime.network.NetworkEnvironment;
import io.sluice.runtime.network.api.CheckpointBarrier;
import io.sluice.runtime.network.api.writer.RecordWriter;
import io.sluice.runtime.network.partition.ResultPartition;
import io.sluice.runtime.network.partition.consumer.SingleInputGate;
import io.sluice.runtime.operators.StreamOperatorParameters;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.partitioner.BroadcastPartitioner;
import io.sluice.runtime.partitioner.ChannelSelector;
import io.sluice.runtime.partitioner.CustomPartitionerWrapper;
import io.sluice.runtime.partitioner.ForwardPartitioner;
import io.sluice.runtime.partitioner.GlobalPartitioner;
import io.sluice.runtime.partitioner.KeyGroupStreamPartitioner;
import io.sluice.runtime.partitioner.RebalancePartitioner;
import io.sluice.runtime.partitioner.RescalePartitioner;
import io.sluice.runtime.partitioner.ShufflePartitioner;
import io.sluice.runtime.partitioner.StreamPartitioner;
import io.sluice.runtime.streamrecord.StreamElement;
import io.sluice.runtime.streamrecord.StreamElementSerializer;
import io.sluice.runtime.taskmanager.TaskManagerActions;
import io.sluice.runtime.tasks.mailbox.TaskMailbox;
import io.sluice.runtime.util.SerializedValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds and runs what a task deployment describes: the operator chain from the task
 * configuration, one record writer per produced partition, one network input per input gate.
 * Everything here runs on the task thread, except {@link #cancel()}.
 */
public final class StreamTaskInvokable {
    private final TaskDeploymentDescriptor tdd;
    private final String taskManagerId;
    private final NetworkEnvironment network;
    private final ClassLoader userCodeClassLoader;
    private final TaskManagerActions actions;
    private final TaskMailbox mailbox;
    private final Map<String, Accumulator<?, ?>> accumulators = new LinkedHashMap<>();
    private final List<ResultPartition> partitions = new ArrayList<>();
    private final List<RecordWriter<StreamElement>> writers = new ArrayList<>();
    private final List<StreamTaskNetworkInput> inputs = new ArrayList<>();
    private final SystemProcessingTimeService timeService;
    private OperatorChain chain;
    private StreamTask streamTask;
    private boolean chainOpened;
    private SubtaskCheckpointer checkpointer;
    /** The chain is open: checkpoint calls may reach it (task thread). */
    private boolean running;

    private volatile boolean canceled;

    public StreamTaskInvokable(
            TaskDeploymentDescriptor tdd,
            String taskManagerId,
            NetworkEnvironment network,
            ClassLoader userCodeClassLoader,
            TaskManagerActions actions,
            TaskMailbox mailbox) {
        this.tdd = tdd;
        this.taskManagerId = taskManagerId;
        this.network = network;
        this.userCodeClassLoader = userCodeClassLoader;
        this.actions = actions;
        this.mailbox = mailbox;
        this.timeService = new SystemProcessingTimeService(mailbox, tdd.taskNameWithSubtask());
    }

    /** Deserializes the chain, creates partitions and gates, sets up and opens the operators. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void initialize() throws Exception {
        TaskConfig config = TaskConfig.fromBytes(tdd.taskConfiguration(), userCodeClassLoader);
        String owner = tdd.taskNameWithSubtask();

        List<ResultPartitionDeploymentDescriptor> produced = tdd.producedPartitions();
        if (produced.size() != config.outputs().size()) {
            throw new IllegalStateException(
                    "Task " + owner + " was deployed with " + produced.size() + " partitions but its configuration has "
                            + config.outputs().size() + " outputs");
        }
        List<RecordWriterOutput<?>> writerOutputs = new ArrayList<>();
        long minTimeout = Long.MAX_VALUE;
        for (int i = 0; i < produced.size(); i++) {
            NetworkOutput out = config.outputs().get(i);
            ResultPartition partition = network.createResultPartition(produced.get(i), owner);
            partitions.add(partition);
            ChannelSelector<StreamElement> selector = (ChannelSelector) partitioner(out);
            RecordWriter<StreamElement> writer = new RecordWriter<>(
                    partition, selector, new StreamElementSerializer<>(out.serializer()), out.bufferTimeout());
            writers.add(writer);
            writerOutputs.add(new RecordWriterOutput<>(writer, out.outputTag()));
            if (out.bufferTimeout() > 0) {
                minTimeout = Math.min(minTimeout, out.bufferTimeout());
            }
        }

        List<InputGateDeploymentDescriptor> gates = tdd.inputGates();
        if (gates.size() != config.inputs().size()) {
            throw new IllegalStateException(
                    "Task " + owner + " was deployed with " + gates.size() + " input gates but its configuration has "
                            + config.inputs().size() + " inputs");
        }
        int[] channelsPerType = new int[2];
        for (int i = 0; i < gates.size(); i++) {
            channelsPerType[config.inputs().get(i).typeNumber()] +=
                    gates.get(i).channels().size();
        }
        WatermarkValve[] valves = {new WatermarkValve(channelsPerType[0]), new WatermarkValve(channelsPerType[1])};
        int[] offsets = new int[2];
        int totalChannels = channelsPerType[0] + channelsPerType[1];
        CheckpointBarrierHandler barrierHandler = new CheckpointBarrierHandler(
                totalChannels,
                tdd.checkpointing() == null || tdd.checkpointing().isExactlyOnce(),
                new CheckpointBarrierHandler.Actions() {
                    @Override
                    public void triggerCheckpointOnBarrier(CheckpointBarrier barrier, long alignmentNanos)
                            throws Exception {
                        streamTask.triggerCheckpointOnBarrier(barrier, alignmentNanos);
                    }

                    @Override
                    public void abortCheckpointOnBarrier(long checkpointId, String reason) {
                        streamTask.abortCheckpointOnBarrier(checkpointId, reason);
                    }

                    @Override
                    public void channelsUnblocked() {
                        streamTask.channelsUnblocked();
                    }
                });
        int globalOffset = 0;
        for (int i = 0; i < gates.size(); i++) {
            NetworkInput in = config.inputs().get(i);
            SingleInputGate gate = network.createInputGate(gates.get(i), owner);
            inputs.add(new StreamTaskNetworkInput(
                    gate,
                    in.typeNumber(),
                    new StreamElementSerializer<>(in.serializer()),
                    valves[in.typeNumber()],
                    offsets[in.typeNumber()],
                    barrierHandler,
                    globalOffset));
            offsets[in.typeNumber()] += gate.getNumberOfChannels();
            globalOffset += gate.getNumberOfChannels();
        }

        TaskInfo taskInfo = new TaskInfoImpl(tdd);
        chain = new OperatorChain(
                config,
                writerOutputs,
                request -> new StreamOperatorParameters(
                        request.config(),
                        request.output(),
                        taskInfo,
                        tdd.jobId(),
                        tdd.executionConfig(),
                        userCodeClassLoader,
                        accumulators,
                        (action, description) -> mailbox.put(action, description),
                        timeService,
                        event -> actions.sendOperatorEventToCoordinator(
                                tdd.attemptId(), request.config().operatorId(), SerializedValue.of(event)),
                        tdd.checkpointing() != null));
        if (tdd.checkpointing() != null) {
            checkpointer =
                    new SubtaskCheckpointer(owner, tdd.attemptId(), tdd.checkpointing(), chain, writers, actions);
        }
        streamTask = new StreamTask(owner, mailbox, chain, inputs, writers, checkpointer);
        streamTask.setBarrierHandler(barrierHandler);
        if (canceled) {
            streamTask.cancel();
        }
        for (StreamTaskNetworkInput input : inputs) {
            input.getGate().requestPartitions();
        }
        chainOpened = true;
        chain.initializeState(tdd.taskRestore());
        chain.open();
        running = true;
        if (minTimeout != Long.MAX_VALUE) {
            StreamTask t = streamTask;
            timeService.scheduleAtFixedRate(time -> t.flushOutputs(), minTimeout, minTimeout);
        }
    }

    private static StreamPartitioner<?> partitioner(NetworkOutput out) {
        Partitioning p = out.partitioning();
        return switch (p.kind()) {
            case FORWARD -> new ForwardPartitioner<>();
            case REBALANCE -> new RebalancePartitioner<>();
            case RESCALE -> new RescalePartitioner<>();
            case SHUFFLE -> new ShufflePartitioner<>();
            case GLOBAL -> new GlobalPartitioner<>();
            case BROADCAST -> new BroadcastPartitioner<>();
            case HASH -> new KeyGroupStreamPartitioner<>(castSelector(p.keySelector()), out.consumerMaxParallelism());
            case CUSTOM -> new CustomPartitionerWrapper<>(
                    castPartitioner(p.customPartitioner()), castSelector(p.keySelector()));
        };
    }

    @SuppressWarnings("unchecked")
    private static KeySelector<Object, Object> castSelector(KeySelector<?, ?> s) {
        return (KeySelector<Object, Object>) s;
    }

    @SuppressWarnings("unchecked")
    private static Partitioner<Object> castPartitioner(Partitioner<?> p) {
        return (Partitioner<Object>) p;
    }

    /** Runs the mailbox loop until the input ends; then everything is finished and flushed. */
    public void invoke() throws Exception {
        streamTask.run();
    }

    /** Any thread. */
    public void cancel() {
        canceled = true;
        StreamTask t = streamTask;
        if (t != null) {
            t.cancel();
        }
    }

    /** Whether the chain is open, so checkpoint calls may reach it (task thread). */
    public boolean isRunning() {
        return running;
    }

    public void triggerCheckpoint(long checkpointId, long timestamp) throws Exception {
        streamTask.triggerCheckpoint(checkpointId, timestamp);
    }

    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        streamTask.notifyCheckpointComplete(checkpointId);
    }

    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        streamTask.notifyCheckpointAborted(checkpointId);
    }

    public void dispatchOperatorEvent(OperatorID operatorId, OperatorEvent event) throws Exception {
        chain.dispatchOperatorEvent(operatorId, event);
    }

    /** The task's accumulators, for the FINISHED report. */
    public Map<String, Object> getAccumulators() {
        return new LinkedHashMap<>(accumulators);
    }

    /**
     * Closes operators, writers and inputs. On failure or cancellation ({@code cause != null} or
     * cancelled) the produced partitions are released, so consumers fail fast with the cause.
     */
    public void cleanUp(Throwable cause) throws Exception {
        running = false;
        timeService.shutdown();
        if (checkpointer != null) {
            checkpointer.close(cause == null && !canceled);
        }
        Exception first = null;
        if (chain != null && chainOpened) {
            try {
                chain.close();
            } catch (Exception e) {
                first = e;
            }
        }
        boolean failed = cause != null || canceled;
        for (RecordWriter<StreamElement> w : writers) {
            w.close();
        }
        if (failed) {
            Throwable releaseCause = cause != null ? cause : new CancelTaskException();
            for (ResultPartition p : partitions) {
                p.release(releaseCause);
            }
        }
        for (StreamTaskNetworkInput in : inputs) {
            in.close();
        }
        if (first != null) {
            if (cause == null) {
                throw first;
            }
            cause.addSuppressed(first); // the original failure wins; the close failure stays visible
        }
    }

    private record TaskInfoImpl(TaskDeploymentDescriptor tdd) implements TaskInfo {
        @Override
        public String getTaskName() {
            return tdd.taskName();
        }

        @Override
        public String getTaskNameWithSubtasks() {
            return tdd.taskNameWithSubtask();
        }

        @Override
        public int getIndexOfThisSubtask() {
            return tdd.subtaskIndex();
        }

        @Override
        public int getNumberOfParallelSubtasks() {
            return tdd.parallelism();
        }

        @Override
        public int getMaxNumberOfParallelSubtasks() {
            return tdd.maxParallelism();
        }

        @Override
        public int getAttemptNumber() {
            return tdd.attemptNumber();
        }
    }
}
