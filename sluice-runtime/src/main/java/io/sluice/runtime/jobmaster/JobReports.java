package io.sluice.runtime.jobmaster;

import io.sluice.api.common.JobStatus;
import io.sluice.runtime.dispatcher.JobResult;
import io.sluice.runtime.execution.ExecutionState;
import io.sluice.runtime.executiongraph.ExecutionGraph;
import io.sluice.runtime.executiongraph.ExecutionJobVertex;
import io.sluice.runtime.executiongraph.ExecutionVertex;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import io.sluice.runtime.util.SerializedThrowable;
import io.sluice.runtime.util.SerializedValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link JobMaster} reports about its job: the {@link JobDetails} while it runs and as they
 * were when it ended, and the {@link JobResult} with the net runtime (since the last deployment)
 * and the accumulators merged from the subtasks of the last attempt. The failure in both is the
 * one {@link JobRestarts} kept.
 *
 * <p>Threading: owned by the JobMaster's main thread, except {@link #finalDetails()}: written once
 * there before the job's result future completes, and safe to read from any thread after it did.
 */
final class JobReports {
    // Logs under the JobMaster's name: these are the JobMaster's messages.
    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    private final JobGraph jobGraph;
    private final Clock clock;
    private final JobRestarts restarts;

    // Owned by the JobMaster's main thread.
    private AccumulatorAggregator accumulators = new AccumulatorAggregator();
    private long runningSinceMillis = -1;
    // Written once on the main thread before the result future completes, read after it did.
    private volatile JobDetails finalDetails;

    JobReports(JobGraph jobGraph, Clock clock, JobRestarts restarts) {
        this.jobGraph = jobGraph;
        this.clock = clock;
        this.restarts = restarts;
    }

    /** The job was deployed: its net runtime starts now. */
    void jobRunning() {
        runningSinceMillis = clock.millis();
    }

    /** A new attempt starts with no accumulators. */
    void newAttempt() {
        accumulators = new AccumulatorAggregator();
    }

    /** Adds the accumulators of a FINISHED subtask; throws naming the task if they are bad. */
    void addAccumulators(
            String taskName, SerializedValue<Map<String, Object>> serialized, ClassLoader userCodeClassLoader) {
        accumulators.add(taskName, serialized, userCodeClassLoader);
    }

    /** The details now; {@code graph} is null before the job has one. */
    JobDetails snapshot(ExecutionGraph graph) {
        List<JobDetails.VertexDetails> vertices = new ArrayList<>();
        for (JobVertex v : jobGraph.getVertices()) {
            Map<ExecutionState, Integer> counts = new EnumMap<>(ExecutionState.class);
            for (ExecutionState s : ExecutionState.values()) {
                counts.put(s, 0);
            }
            ExecutionJobVertex ejv = graph == null ? null : graph.getVertex(v.getId());
            if (ejv == null) {
                counts.put(ExecutionState.CREATED, v.getParallelism());
            } else {
                for (ExecutionVertex subtask : ejv.getSubtasks()) {
                    counts.merge(subtask.getCurrentExecution().getState(), 1, Integer::sum);
                }
            }
            vertices.add(new JobDetails.VertexDetails(
                    v.getId(),
                    v.getName(),
                    v.getParallelism(),
                    v.getMaxParallelism(),
                    Collections.unmodifiableMap(counts)));
        }
        return new JobDetails(
                jobGraph.getJobId(),
                jobGraph.getName(),
                graph == null ? JobStatus.CREATED : graph.getState(),
                List.copyOf(vertices),
                restarts.failureCause(),
                restarts.failedTask(),
                restarts.failureTimestamp());
    }

    /** The result of a job that reached {@code terminal}. */
    JobResult result(JobStatus terminal) {
        long netRuntime = runningSinceMillis < 0 ? 0 : clock.millis() - runningSinceMillis;
        SerializedValue<Map<String, Object>> accumulatorResults;
        try {
            accumulatorResults = accumulators.results();
        } catch (RuntimeException e) {
            LOG.warn("Could not serialize the accumulator results of job '{}'", jobGraph.getName(), e);
            accumulatorResults = SerializedValue.of(new HashMap<>());
        }
        return new JobResult(
                jobGraph.getJobId(),
                jobGraph.getName(),
                terminal,
                netRuntime,
                accumulatorResults,
                terminal == JobStatus.FAILED ? restarts.failureCause() : null,
                terminal == JobStatus.FAILED ? restarts.failedTask() : null);
    }

    /** The result of a job whose JobGraph could not even be expanded. */
    JobResult resultWithoutGraph(Throwable cause) {
        return new JobResult(
                jobGraph.getJobId(),
                jobGraph.getName(),
                JobStatus.FAILED,
                0,
                SerializedValue.of(new HashMap<>()),
                new SerializedThrowable(cause),
                null);
    }

    /** Keeps the details as the job ended with {@code result}. */
    void recordFinalDetails(ExecutionGraph graph, JobResult result) {
        JobDetails now = snapshot(graph);
        // A job that finished or was cancelled after restarts keeps its last failure for /exceptions.
        finalDetails = new JobDetails(
                now.jobId(),
                now.jobName(),
                result.status(),
                now.vertices(),
                now.failureCause(),
                now.failedTask(),
                now.failureTimestamp());
    }

    /** The details as they were when the job ended; null while it runs. */
    JobDetails finalDetails() {
        return finalDetails;
    }
}
