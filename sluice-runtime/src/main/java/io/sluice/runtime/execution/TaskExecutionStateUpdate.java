package io.sluice.runtime.execution;

import io.sluice.api.common.JobID;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.util.SerializedThrowable;
import io.sluice.runtime.util.SerializedValue;
import java.io.Serializable;
import java.util.Map;

/**
 * A task's state change, sent from the TaskManager to the JobMaster. {@code error} is set for
 * FAILED; {@code accumulators} (name to {@code Accumulator}, Java-serialized with the user-code
 * class loader) for FINISHED.
 */
public record TaskExecutionStateUpdate(
        JobID jobId,
        ExecutionAttemptID attemptId,
        ExecutionState state,
        SerializedThrowable error,
        SerializedValue<Map<String, Object>> accumulators)
        implements Serializable {}
