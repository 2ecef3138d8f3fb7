package io.sluice.runtime.checkpoint;

import io.sluice.runtime.jobgraph.JobGraph;
import io.sluice.runtime.jobgraph.JobVertex;
import io.sluice.runtime.operators.coordination.OperatorID;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks that a retained checkpoint fits the job that is to start from it: every operator state in
 * it belongs to an operator of the job (operators are matched by their id: the {@code uid} when
 * set, else their position and name), unless non-restored state is allowed, and keyed state keeps
 * its max parallelism (key groups cannot be re-cut).
 */
public final class CheckpointRestoreCheck {
    private CheckpointRestoreCheck() {}

    public static void check(CompletedCheckpoint checkpoint, JobGraph job, Path path, boolean allowNonRestoredState) {
        Map<OperatorID, JobVertex> vertexOf = new HashMap<>();
        for (JobVertex v : job.getVertices()) {
            for (OperatorID op : v.getOperators().keySet()) {
                vertexOf.put(op, v);
            }
        }
        for (Map.Entry<OperatorID, OperatorState> e :
                checkpoint.operatorStates().entrySet()) {
            OperatorState state = e.getValue();
            if (state.subtaskStates().isEmpty()) {
                continue;
            }
            JobVertex vertex = vertexOf.get(e.getKey());
            if (vertex == null) {
                if (allowNonRestoredState) {
                    continue;
                }
                throw new IllegalStateException("Checkpoint " + path + " has state of operator '" + state.name()
                        + "' (" + e.getKey() + "), which job '" + job.getName() + "' does not have. Give operators"
                        + " stable uid()s, or start with --allowNonRestoredState (-n) to drop that state");
            }
            boolean keyed = state.subtaskStates().values().stream()
                    .anyMatch(s -> !s.keyedState().isEmpty());
            if (keyed && state.maxParallelism() != vertex.getMaxParallelism()) {
                throw new IllegalStateException("Checkpoint " + path + " has keyed state of operator '"
                        + state.name() + "' written with max parallelism " + state.maxParallelism()
                        + "; the job's operator has max parallelism " + vertex.getMaxParallelism()
                        + ". Keep the max parallelism to restore keyed state");
            }
        }
    }
}
