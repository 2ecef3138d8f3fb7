package io.sluice.runtime.executiongraph;

import io.sluice.runtime.checkpoint.JobManagerTaskRestore;
import io.sluice.runtime.checkpoint.TaskCheckpointSettings;
import io.sluice.runtime.deployment.InputChannelDescriptor;
import io.sluice.runtime.deployment.InputGateDeploymentDescriptor;
import io.sluice.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.sluice.runtime.deployment.ResultPartitionID;
import io.sluice.runtime.deployment.TaskDeploymentDescriptor;
import io.sluice.runtime.jobgraph.EdgeConnections;
import io.sluice.runtime.jobgraph.IntermediateDataSetID;
import io.sluice.runtime.jobgraph.JobEdge;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the deployment descriptor of a subtask's current attempt: its produced partitions (sized
 * with {@link EdgeConnections#numSubpartitions}) and its input gates, one per input edge in
 * {@link JobVertex#getInputs()} order, with the channels of {@link EdgeConnections#channelsOf}, each
 * naming the producer's current attempt and the location of its slot. Every producer must already
 * have a slot. Stateless; call on the JobMaster's main thread.
 */
public final class TaskDeploymentDescriptorFactory {
    private TaskDeploymentDescriptorFactory() {}

    public static TaskDeploymentDescriptor create(
            ExecutionGraph graph,
            Execution execution,
            TaskCheckpointSettings checkpointing,
            JobManagerTaskRestore taskRestore) {
        ExecutionVertex ev = execution.getVertex();
        JobVertex vertex = ev.getJobVertex().getJobVertex();
        JobGraph jobGraph = graph.getJobGraph();
        int subtask = ev.getSubtaskIndex();

        List<ResultPartitionDeploymentDescriptor> partitions = new ArrayList<>();
        for (IntermediateDataSetID ds : vertex.getProducedDataSets()) {
            JobEdge edge = graph.getConsumerEdge(ds);
            int consumers = jobGraph.getVertex(edge.consumer()).getParallelism();
            int subpartitions = EdgeConnections.numSubpartitions(
                    edge.distributionPattern(), subtask, vertex.getParallelism(), consumers);
            partitions.add(new ResultPartitionDeploymentDescriptor(
                    new ResultPartitionID(ds, subtask, execution.getAttemptId()), subpartitions));
        }

        List<InputGateDeploymentDescriptor> gates = new ArrayList<>();
        for (JobEdge edge : vertex.getInputs()) {
            ExecutionJobVertex producer = graph.getVertex(edge.producer());
            List<InputChannelDescriptor> channels = new ArrayList<>();
            for (EdgeConnections.Channel ch : EdgeConnections.channelsOf(
                    edge.distributionPattern(), subtask, producer.getParallelism(), vertex.getParallelism())) {
                Execution producerAttempt =
                        producer.getSubtasks().get(ch.producerSubtask()).getCurrentExecution();
                AssignedSlot slot = producerAttempt.getAssignedSlot();
                if (slot == null) {
                    throw new IllegalStateException(
                            "Cannot deploy " + execution + ": its producer " + producerAttempt + " has no slot yet");
                }
                channels.add(new InputChannelDescriptor(
                        new ResultPartitionID(edge.dataSetId(), ch.producerSubtask(), producerAttempt.getAttemptId()),
                        ch.subpartition(),
                        slot.location()));
            }
            gates.add(new InputGateDeploymentDescriptor(edge.dataSetId(), edge.inputIndex(), List.copyOf(channels)));
        }

        return new TaskDeploymentDescriptor(
                jobGraph.getJobId(),
                jobGraph.getName(),
                vertex.getId(),
                execution.getAttemptId(),
                vertex.getName(),
                subtask,
                vertex.getParallelism(),
                vertex.getMaxParallelism(),
                execution.getAttemptNumber(),
                jobGraph.getExecutionConfig(),
                vertex.getTaskConfiguration(),
                List.copyOf(jobGraph.getUserJarBlobKeys()),
                List.copyOf(partitions),
                List.copyOf(gates),
                checkpointing,
                taskRestore);
    }
}
