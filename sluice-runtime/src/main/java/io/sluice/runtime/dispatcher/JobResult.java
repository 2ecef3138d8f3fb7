package io.sluice.runtime.dispatcher;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.util.SerializedThrowable;
import io.sluice.runtime.util.SerializedValue;
import java.io.Serializable;
import java.util.Map;

/**
 * The outcome of a job in a terminal state. {@code failureCause} is set for FAILED (the user's
 * exception, whose message or wrapper names the task and subtask); {@code accumulators} holds the
 * merged accumulator results (name to result value). {@code failedTask} names the subtask whose
 * failure failed the job ("Map (2/4) on TaskManager tm-0"); null if the job did not fail because of
 * a task.
 */
public record JobResult(
        JobID jobId,
        String jobName,
        JobStatus status,
        long netRuntimeMillis,
        SerializedValue<Map<String, Object>> accumulators,
        SerializedThrowable failureCause,
        String failedTask)
        implements Serializable {}
