package io.sluice.runtime.deployment;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.common.JobID;
import io.sluice.runtime.checkpoint.JobManagerTaskRestore;
import io.sluice.runtime.checkpoint.TaskCheckpointSettings;
import io.sluice.runtime.jobgraph.JobVertexID;
import java.io.Serializable;
import java.util.List;

/**
 * Everything a TaskManager needs to run one subtask. {@code taskConfiguration} is the job vertex's
 * opaque operator-chain description.
 */
public record TaskDeploymentDescriptor(
        JobID jobId,
        String jobName,
        JobVertexID vertexId,
        ExecutionAttemptID attemptId,
        String taskName,
        int subtaskIndex,
        int parallelism,
        int maxParallelism,
        int attemptNumber,
        ExecutionConfig executionConfig,
        byte[] taskConfiguration,
        List<String> userJarBlobKeys,
        List<ResultPartitionDeploymentDescriptor> producedPartitions,
        List<InputGateDeploymentDescriptor> inputGates,
        TaskCheckpointSettings checkpointing,
        JobManagerTaskRestore taskRestore)
        implements Serializable {

    /** "name (i/n)" with i counted from 1, as logs and errors show it. */
    public String taskNameWithSubtask() {
        return taskName + " (" + (subtaskIndex + 1) + "/" + parallelism + ")";
    }
}
