package io.sluice.runtime.state;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * What one operator of one subtask put into a checkpoint: its keyed state (at most one handle when
 * written, several after a rescale) and its operator state.
 */
public record OperatorSubtaskState(List<KeyGroupsStateHandle> keyedState, List<OperatorStateHandle> operatorState)
        implements Serializable {
    public static final OperatorSubtaskState EMPTY = new OperatorSubtaskState(List.of(), List.of());

    public OperatorSubtaskState {
        keyedState = List.copyOf(keyedState);
        operatorState = List.copyOf(operatorState);
    }

    public boolean isEmpty() {
        return keyedState.isEmpty() && operatorState.isEmpty();
    }

    public long getStateSize() {
        long size = 0;
        for (KeyGroupsStateHandle h : keyedState) {
            size += h.getStateSize();
        }
        for (OperatorStateHandle h : operatorState) {
            size += h.getStateSize();
        }
        return size;
    }

    /** Deletes the files; keeps going past failures and throws the first at the end. */
    public void discardState() throws IOException {
        IOException first = null;
        for (KeyGroupsStateHandle h : keyedState) {
            try {
                h.discardState();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        for (OperatorStateHandle h : operatorState) {
            try {
                h.discardState();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
