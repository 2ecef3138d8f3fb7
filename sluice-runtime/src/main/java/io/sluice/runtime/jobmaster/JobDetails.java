package io.sluice.runtime.jobmaster;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.execution.ExecutionState;
import io.sluice.runtime.jobgraph.JobVertexID;
import io.sluice.runtime.util.SerializedThrowable;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one job as its JobMaster sees it: status, per-vertex subtask states and the first
 * failure. Taken on the JobMaster's main thread; immutable afterwards.
 *
 * @param failureCause the failure that failed the job (first one wins), or null
 * @param failedTask the subtask whose failure failed the job ("Map (2/4) on TaskManager tm-0"), or null
 * @param failureTimestamp when the JobMaster saw {@code failureCause}; -1 without failure
 */
public record JobDetails(
        JobID jobId,
        String jobName,
        JobStatus status,
        List<VertexDetails> vertices,
        SerializedThrowable failureCause,
        String failedTask,
        long failureTimestamp)
        implements Serializable {

    /**
     * One job vertex: its parallelism and how many of its subtasks' current attempts are in each
     * state (every state present, zero included, in {@link ExecutionState} order).
     */
    public record VertexDetails(
            JobVertexID id,
            String name,
            int parallelism,
            int maxParallelism,
            Map<ExecutionState, Integer> subtaskStateCounts)
            implements Serializable {

        /**
         * The vertex's state for a dashboard: FINISHED when every subtask finished; otherwise the
         * first of CANCELING, CANCELED, FAILED that any subtask is in; RUNNING while any subtask runs
         * or some already finished; else the most advanced of the starting states.
         */
        public ExecutionState aggregateState() {
            if (count(ExecutionState.FINISHED) == parallelism) {
                return ExecutionState.FINISHED;
            }
            for (ExecutionState s : List.of(ExecutionState.CANCELING, ExecutionState.CANCELED, ExecutionState.FAILED)) {
                if (count(s) > 0) {
                    return s;
                }
            }
            if (count(ExecutionState.RUNNING) > 0 || count(ExecutionState.FINISHED) > 0) {
                return ExecutionState.RUNNING;
            }
            for (ExecutionState s :
                    List.of(ExecutionState.INITIALIZING, ExecutionState.DEPLOYING, ExecutionState.SCHEDULED)) {
                if (count(s) > 0) {
                    return s;
                }
            }
            return ExecutionState.CREATED;
        }

        private int count(ExecutionState s) {
            return subtaskStateCounts.getOrDefault(s, 0);
        }
    }
}
