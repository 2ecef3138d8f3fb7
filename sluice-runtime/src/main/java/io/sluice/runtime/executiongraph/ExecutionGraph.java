package io.sluice.runtime.executiongraph;

import io.sluice.api.common.JobID;
import io.sluice.api.common.JobStatus;
import io.sluice.runtime.deployment.ExecutionAttemptID;
import io.sluice.runtime.jobgraph.IntermediateDataSetID;
import io.sluice.runtime.jobgraph.JobEdge;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import io.sluice.runtime.jobgraph.JobVertexID;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobGraph expanded into subtasks and attempts, plus the job's {@link JobStatus} (diagram
 * there). Every job status change goes through {@link #transitionState}, which validates it
 * against {@link JobStatus#successors()} and logs it. Owned by the JobMaster's main thread.
 */
public final class ExecutionGraph {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionGraph.class);

    private final JobGraph jobGraph;
    private final LinkedHashMap<JobVertexID, ExecutionJobVertex> vertices = new LinkedHashMap<>();
    private final Map<IntermediateDataSetID, JobEdge> consumerEdges = new HashMap<>();
    private final Map<ExecutionAttemptID, Execution> executionsByAttempt = new HashMap<>();
    private JobStatus status = JobStatus.CREATED;

    /** Builds the graph; fails naming the vertex when a produced data set has no consumer. */
    public ExecutionGraph(JobGraph jobGraph) {
        this.jobGraph = jobGraph;
        for (JobVertex v : jobGraph.getVertices()) {
            for (JobEdge e : v.getInputs()) {
                consumerEdges.put(e.dataSetId(), e);
            }
        }
        for (JobVertex v : jobGraph.getVertices()) {
            for (IntermediateDataSetID ds : v.getProducedDataSets()) {
                if (!consumerEdges.containsKey(ds)) {
                    throw new IllegalArgumentException("Job '" + jobGraph.getName() + "': vertex '" + v.getName()
                            + "' produces data set " + ds + " that no vertex consumes; every produced data set"
                            + " needs exactly one consuming JobEdge");
                }
            }
            ExecutionJobVertex ejv = new ExecutionJobVertex(v);
            vertices.put(v.getId(), ejv);
            for (ExecutionVertex ev : ejv.getSubtasks()) {
                Execution ex = ev.getCurrentExecution();
                executionsByAttempt.put(ex.getAttemptId(), ex);
            }
        }
    }

    public JobGraph getJobGraph() {
        return jobGraph;
    }

    public JobID getJobId() {
        return jobGraph.getJobId();
    }

    public String getJobName() {
        return jobGraph.getName();
    }

    /** Job vertices in topological order. */
    public List<ExecutionJobVertex> getVertices() {
        return Collections.unmodifiableList(new ArrayList<>(vertices.values()));
    }

    public ExecutionJobVertex getVertex(JobVertexID id) {
        return vertices.get(id);
    }

    /** The edge that consumes {@code dataSetId}. */
    public JobEdge getConsumerEdge(IntermediateDataSetID dataSetId) {
        return consumerEdges.get(dataSetId);
    }

    /** The current attempts of all subtasks, vertex by vertex in topological order. */
    public List<Execution> getCurrentExecutions() {
        List<Execution> list = new ArrayList<>();
        for (ExecutionJobVertex ejv : vertices.values()) {
            for (ExecutionVertex ev : ejv.getSubtasks()) {
                list.add(ev.getCurrentExecution());
            }
        }
        return list;
    }

    /** The attempt with this id, or null if it is unknown (or an older attempt). */
    public Execution getExecution(ExecutionAttemptID attemptId) {
        return executionsByAttempt.get(attemptId);
    }

    /**
     * Starts a new attempt of every subtask (attempt number one higher), for a restart of the whole
     * job; every current attempt must have ended. Reports of the old attempts are then unknown.
     */
    public void resetForRestart() {
        for (Execution e : executionsByAttempt.values()) {
            if (!e.getState().isTerminal()) {
                throw new IllegalStateException(
                        "Cannot restart job '" + getJobName() + "': " + e + " is still " + e.getState());
            }
        }
        executionsByAttempt.clear();
        for (ExecutionJobVertex ejv : vertices.values()) {
            for (ExecutionVertex ev : ejv.getSubtasks()) {
                Execution ex = ev.resetForNewExecution();
                executionsByAttempt.put(ex.getAttemptId(), ex);
            }
        }
    }

    public boolean allCurrentExecutionsTerminal() {
        for (Execution e : executionsByAttempt.values()) {
            if (!e.getState().isTerminal()) {
                return false;
            }
        }
        return true;
    }

    public boolean allCurrentExecutionsFinished() {
        for (Execution e : executionsByAttempt.values()) {
            if (e.getState() != io.sluice.runtime.execution.ExecutionState.FINISHED) {
                return false;
            }
        }
        return true;
    }

    public JobStatus getState() {
        return status;
    }

    /** Moves the job to {@code target}; throws {@link IllegalStateException} naming the job if not allowed. */
    public void transitionState(JobStatus target) {
        if (!status.successors().contains(target)) {
            throw new IllegalStateException("Illegal state transition of job '" + getJobName() + "' (" + getJobId()
                    + "): " + status + " -> " + target + " (allowed: " + status.successors() + ")");
        }
        LOG.info("Job '{}' ({}) switched from {} to {}", getJobName(), getJobId(), status, target);
        status = target;
    }
}
