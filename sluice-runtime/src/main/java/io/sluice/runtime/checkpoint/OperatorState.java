package io.sluice.runtime.checkpoint;

import io.sluice.runtime.state.OperatorSubtaskState;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One operator's part of a completed checkpoint: what each of its subtasks wrote.
 *
 * @param name the operator's name, for messages
 * @param subtaskStates by subtask index; a subtask without state has no entry
 */
public record OperatorState(
        String name, int parallelism, int maxParallelism, Map<Integer, OperatorSubtaskState> subtaskStates)
        implements Serializable {
    public OperatorState {
        subtaskStates = new TreeMap<>(subtaskStates);
    }

    /** Every subtask's state by subtask index, {@link OperatorSubtaskState#EMPTY} where none. */
    public List<OperatorSubtaskState> statesBySubtask() {
        List<OperatorSubtaskState> list = new ArrayList<>(parallelism);
        for (int i = 0; i < parallelism; i++) {
            list.add(subtaskStates.getOrDefault(i, OperatorSubtaskState.EMPTY));
        }
        return list;
    }

    public long getStateSize() {
        long size = 0;
        for (OperatorSubtaskState s : subtaskStates.values()) {
            size += s.getStateSize();
        }
        return size;
    }

    public void discardState() throws IOException {
        for (OperatorSubtaskState s : subtaskStates.values()) {
            s.discardState();
        }
    }
}
