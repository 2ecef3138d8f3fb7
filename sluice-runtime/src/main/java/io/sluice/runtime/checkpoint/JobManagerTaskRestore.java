package io.sluice.runtime.checkpoint;

import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.state.OperatorRestore;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a deployed task restores: for each operator of its chain found in the checkpoint, the state
 * all its old subtasks wrote. Operators not in the map start fresh.
 */
public record JobManagerTaskRestore(long checkpointId, Map<OperatorID, OperatorRestore> operators)
        implements Serializable {

    /** What a subtask whose chain holds {@code chainOperators} restores from {@code checkpoint}. */
    public static JobManagerTaskRestore of(CompletedCheckpoint checkpoint, Collection<OperatorID> chainOperators) {
        Map<OperatorID, OperatorRestore> operators = new LinkedHashMap<>();
        for (OperatorID op : chainOperators) {
            OperatorState state = checkpoint.operatorStates().get(op);
            if (state != null) {
                operators.put(op, new OperatorRestore(checkpoint.checkpointId(), state.statesBySubtask()));
            }
        }
        return new JobManagerTaskRestore(checkpoint.checkpointId(), operators);
    }
}
