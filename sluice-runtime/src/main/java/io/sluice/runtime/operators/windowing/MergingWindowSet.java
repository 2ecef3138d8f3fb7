package io.sluice.runtime.operators.windowing;

import io.sluice.api.state.ValueState;
import io.sluice.api.windowing.assigners.MergingWindowAssigner;
import io.sluice.api.windowing.windows.Window;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-flight windows of one key of a merging assigner (session windows), each mapped to its
 * state window: the namespace its contents and trigger state live in. When windows merge, the
 * result keeps the state window of one of them, so only the others' state has to move.
 *
 * <p>Created per element or timer from the key's state and written back by {@link #persist()}.
 * Task thread only.
 */
final class MergingWindowSet<W extends Window> {
    private final MergingWindowAssigner<?, W> assigner;
    private final ValueState<HashMap<W, W>> state;
    /** Window to state window; the same map object as in the state once persisted. */
    private final HashMap<W, W> mapping;

    private boolean changed;

    MergingWindowSet(MergingWindowAssigner<?, W> assigner, ValueState<HashMap<W, W>> state) throws IOException {
        this.assigner = assigner;
        this.state = state;
        HashMap<W, W> stored = state.value();
        this.mapping = stored == null ? new HashMap<>() : stored;
        this.changed = stored == null;
    }

    /** The state window of an in-flight window, or null if it is not in flight. */
    W getStateWindow(W window) {
        return mapping.get(window);
    }

    /** Forgets a window (fired for good, or late). */
    void retireWindow(W window) {
        if (mapping.remove(window) == null) {
            throw new IllegalStateException("Window " + window + " is not in the in-flight window set " + mapping);
        }
        changed = true;
    }

    /** Writes the set back to the key's state; an empty set removes it. */
    void persist() throws IOException {
        if (mapping.isEmpty()) {
            state.clear();
        } else if (changed || state.value() != mapping) {
            state.update(mapping);
        }
        changed = false;
    }

    /**
     * Adds {@code newWindow}, merging it with the in-flight windows as the assigner says, and
     * returns the window it ended up in (itself or a merge result). {@code mergeFunction} is called
     * for every merge, before the mapping is used, to merge triggers and state.
     */
    W addWindow(W newWindow, MergeFunction<W> mergeFunction) throws Exception {
        List<W> windows = new ArrayList<>(mapping.keySet());
        windows.add(newWindow);
        Map<W, Collection<W>> mergeResults = new HashMap<>();
        assigner.mergeWindows(windows, (toBeMerged, mergeResult) -> mergeResults.put(mergeResult, toBeMerged));

        W resultWindow = newWindow;
        boolean mergedNewWindow = false;
        for (Map.Entry<W, Collection<W>> entry : mergeResults.entrySet()) {
            W mergeResult = entry.getKey();
            Collection<W> mergedWindows = new ArrayList<>(entry.getValue());
            if (mergedWindows.remove(newWindow)) {
                mergedNewWindow = true;
                resultWindow = mergeResult;
            }
            // the result takes over the state window of one of the merged in-flight windows
            W mergedStateWindow = mapping.get(mergedWindows.iterator().next());
            List<W> mergedStateWindows = new ArrayList<>();
            for (W mergedWindow : mergedWindows) {
                W stateWindow = mapping.remove(mergedWindow);
                if (stateWindow != null) {
                    mergedStateWindows.add(stateWindow);
                }
            }
            mapping.put(mergeResult, mergedStateWindow);
            changed = true;
            mergedStateWindows.remove(mergedStateWindow);
            // one in-flight window that just absorbed the new window, without growing, merges nothing
            if (!(mergedWindows.contains(mergeResult) && mergedWindows.size() == 1)) {
                mergeFunction.merge(mergeResult, mergedWindows, mapping.get(mergeResult), mergedStateWindows);
            }
        }
        if (mergeResults.isEmpty() || (resultWindow.equals(newWindow) && !mergedNewWindow)) {
            mapping.put(resultWindow, resultWindow);
            changed = true;
        }
        return resultWindow;
    }

    @Override
    public String toString() {
        return "MergingWindowSet" + mapping;
    }

    /** Merges the triggers and state of windows that merged. */
    interface MergeFunction<W> {
        /**
         * @param mergeResult the new window
         * @param mergedWindows the in-flight windows that merged into it (not the new element's window)
         * @param stateWindowResult the state window of the result
         * @param mergedStateWindows the state windows whose state moves into {@code stateWindowResult}
         */
        void merge(W mergeResult, Collection<W> mergedWindows, W stateWindowResult, Collection<W> mergedStateWindows)
                throws Exception;
    }
}
