package io.sluice.runtime.jobmaster;

import io.sluice.runtime.executiongraph.Execution;
import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import io.sluice.runtime.jobgraph.JobVertexID;
import io.sluice.runtime.operators.coordination.OperatorCoordinator;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.util.SerializedValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The operator coordinators of one attempt of a job, one {@link OperatorCoordinatorHolder} per
 * coordinator provider of each vertex: created and started with the attempt, told when a subtask
 * is ready or failed, closed when the attempt (restart) or the job ends.
 *
 * <p>Threading: owned by the JobMaster's main thread; every method but {@link #shutdownNow()} is
 * called there. The coordinators themselves run on their own threads and fail the job through the
 * {@code failJob} callback, which must hop onto the main thread.
 */
final class JobCoordinators {
    private final JobGraph jobGraph;
    private final ClassLoader userCodeClassLoader;
    /** Called from a coordinator's thread. */
    private final Consumer<Throwable> failJob;

    // Owned by the JobMaster's main thread.
    private final List<OperatorCoordinatorHolder> coordinators = new ArrayList<>();
    private final Map<OperatorID, OperatorCoordinatorHolder> coordinatorsById = new HashMap<>();
    private final Map<JobVertexID, List<OperatorCoordinatorHolder>> coordinatorsByVertex = new HashMap<>();

    JobCoordinators(JobGraph jobGraph, ClassLoader userCodeClassLoader, Consumer<Throwable> failJob) {
        this.jobGraph = jobGraph;
        this.userCodeClassLoader = userCodeClassLoader;
        this.failJob = failJob;
    }

    /** Creates the coordinators of every vertex (not started yet). */
    void create() throws Exception {
        for (JobVertex v : jobGraph.getVertices()) {
            for (SerializedValue<OperatorCoordinator.Provider> sp : v.getOperatorCoordinators()) {
                OperatorCoordinator.Provider provider = sp.deserialize(userCodeClassLoader);
                OperatorCoordinatorHolder holder = new OperatorCoordinatorHolder(
                        provider.getOperatorId(), v.getName(), userCodeClassLoader, failJob);
                holder.create(provider, jobGraph.getJobId(), v.getParallelism());
                coordinators.add(holder);
                coordinatorsById.put(provider.getOperatorId(), holder);
                coordinatorsByVertex
                        .computeIfAbsent(v.getId(), k -> new ArrayList<>())
                        .add(holder);
            }
        }
    }

    void start() {
        for (OperatorCoordinatorHolder c : coordinators) {
            c.start();
        }
    }

    /**
     * Hands an event from a subtask's operator to the operator's coordinator, unless the subtask's
     * execution already ended. Throws if the job has no coordinator for the operator.
     */
    void handleEventFromOperator(Execution e, OperatorID operatorId, SerializedValue<OperatorEvent> event) {
        OperatorCoordinatorHolder holder = coordinatorsById.get(operatorId);
        if (holder == null) {
            throw new IllegalArgumentException("Job '" + jobGraph.getName() + "' has no coordinator for operator "
                    + operatorId + " (event from task '" + e.getVertex().getTaskNameWithSubtask() + "')");
        }
        if (!e.getState().isTerminal()) {
            holder.handleEventFromOperator(e.getVertex().getSubtaskIndex(), e.getAttemptNumber(), event);
        }
    }

    private List<OperatorCoordinatorHolder> coordinatorsOf(Execution e) {
        return coordinatorsByVertex.getOrDefault(
                e.getVertex().getJobVertex().getJobVertex().getId(), List.of());
    }

    /** The execution was deployed: its vertex's coordinators may talk to it. */
    void subtaskReady(Execution e) {
        for (OperatorCoordinatorHolder c : coordinatorsOf(e)) {
            c.subtaskReady(
                    e.getVertex().getSubtaskIndex(),
                    e.getAttemptNumber(),
                    e.getAttemptId(),
                    e.getAssignedSlot().taskExecutor());
        }
    }

    void notifyFailure(Execution e, Throwable reason) {
        for (OperatorCoordinatorHolder c : coordinatorsOf(e)) {
            c.executionAttemptFailed(e.getVertex().getSubtaskIndex(), e.getAttemptNumber(), reason);
        }
    }

    /**
     * Takes every coordinator's part of checkpoint {@code checkpointId} (each closes its event
     * valve); completes with the states by operator once all are taken.
     */
    CompletableFuture<Map<OperatorID, byte[]>> checkpoint(long checkpointId) {
        Map<OperatorID, CompletableFuture<byte[]>> futures = new LinkedHashMap<>();
        for (OperatorCoordinatorHolder c : coordinators) {
            futures.put(c.getOperatorId(), c.checkpoint(checkpointId));
        }
        return CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new))
                .thenApply(ignored -> {
                    Map<OperatorID, byte[]> states = new LinkedHashMap<>();
                    futures.forEach((id, f) -> {
                        byte[] state = f.join();
                        if (state != null) {
                            states.put(id, state);
                        }
                    });
                    return states;
                });
    }

    /** Lets the events held back during a checkpoint's trigger go (after the triggers were sent). */
    void openValves() {
        for (OperatorCoordinatorHolder c : coordinators) {
            c.openValve();
        }
    }

    /** Restores the coordinators (created, not started) from a checkpoint's coordinator states. */
    void resetToCheckpoint(long checkpointId, Map<OperatorID, byte[]> states) {
        for (OperatorCoordinatorHolder c : coordinators) {
            byte[] state = states.get(c.getOperatorId());
            if (state != null) {
                c.resetToCheckpoint(checkpointId, state);
            }
        }
    }

    void notifyCheckpointComplete(long checkpointId) {
        for (OperatorCoordinatorHolder c : coordinators) {
            c.notifyCheckpointComplete(checkpointId);
        }
    }

    void notifyCheckpointAborted(long checkpointId) {
        for (OperatorCoordinatorHolder c : coordinators) {
            c.notifyCheckpointAborted(checkpointId);
        }
    }

    void close() {
        for (OperatorCoordinatorHolder c : coordinators) {
            c.close();
        }
    }

    /** Closes the coordinators and forgets them, before a new attempt creates its own. */
    void closeAndClear() {
        close();
        coordinators.clear();
        coordinatorsById.clear();
        coordinatorsByVertex.clear();
    }

    /** Stops the coordinators' threads at once; called from any thread when the cluster shuts down. */
    void shutdownNow() {
        for (OperatorCoordinatorHolder c : coordinators) {
            c.shutdownNow();
        }
    }
}
