package io.sluice.runtime.checkpoint;

import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.state.OperatorRestore;
import java.io.Serializable;
import java.util.Map;

/**
 * What a deployed task restores: for each operator of its chain found in the checkpoint, the state
 * all its old subtasks wrote. Operators not in the map start fresh.
 */
public record JobManagerTaskRestore(long checkpointId, Map<OperatorID, OperatorRestore> operators)
        implements Serializable {}
