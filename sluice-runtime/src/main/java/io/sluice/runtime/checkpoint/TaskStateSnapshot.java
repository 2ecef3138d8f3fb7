package io.sluice.runtime.checkpoint;

import io.sluice.runtime.operators.coordination.OperatorID;
import io.sluice.runtime.state.OperatorSubtaskState;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one subtask acknowledged: the state of each operator of its chain. */
public record TaskStateSnapshot(Map<OperatorID, OperatorSubtaskState> operatorStates) implements Serializable {
    public TaskStateSnapshot {
        operatorStates = new LinkedHashMap<>(operatorStates);
    }

    public long getStateSize() {
        long size = 0;
        for (OperatorSubtaskState s : operatorStates.values()) {
            size += s.getStateSize();
        }
        return size;
    }

    public void discardState() throws IOException {
        for (OperatorSubtaskState s : operatorStates.values()) {
            s.discardState();
        }
    }
}
