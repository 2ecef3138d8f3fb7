package io.sluice.api.windowing.assigners;

import io.sluice.api.windowing.windows.Window;
import java.util.Collection;

/**
 * An assigner whose windows may merge (session windows): after an element is assigned, the
 * operator asks it to merge the key's windows, and merges their state and triggers.
 */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
    private static final long serialVersionUID = 1L;

    /** Reports, through {@code callback}, each set of {@code windows} that merges into one window. */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /** Receives the result of {@link #mergeWindows}. */
    public interface MergeCallback<W> {
        /** {@code toBeMerged} (two or more windows) become {@code mergeResult}. */
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
