package io.sluice.runtime.operators.windowing;

import io.sluice.api.windowing.assigners.MergingWindowAssigner;
import io.sluice.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The live windows of one key under a merging assigner (sessions), each with the namespace its
 * contents are stored under.
 *
 * <p>A window starts out as its own namespace. When windows merge, the merged window keeps the
 * namespace of the group's first live member (in the order the assigner reports the group:
 * earliest start first for time sessions), so only the other members' contents move; the
 * element order a window function sees is then the order of the sessions in time.
 *
 * <p>The index lives in the key's state as the plain map it wraps ({@link #asMap()}), so it
 * survives snapshots without a dedicated serializer; load it per element or timer with
 * {@link #SessionIndex(LinkedHashMap)} and write the map back after changes. Task thread only.
 *
 * @param <W> the window type
 */
final class SessionIndex<W extends Window> {
    /** Told about each merge before the new window is used, to move contents, trigger state and timers. */
    interface MergeListener<W> {
        /**
         * @param merged the window the group became
         * @param absorbed the live windows that disappear into {@code merged} (never empty)
         * @param namespace the namespace {@code merged} keeps
         * @param movedNamespaces the namespaces whose contents must move into {@code namespace}
         */
        void onMerge(W merged, List<W> absorbed, W namespace, List<W> movedNamespaces) throws Exception;
    }

    /** Live window to its namespace, in the order windows became live. */
    private final LinkedHashMap<W, W> namespaceOf;

    /** Wraps the stored map of a key, or starts an empty index if there is none ({@code null}). */
    SessionIndex(LinkedHashMap<W, W> stored) {
        this.namespaceOf = stored != null ? stored : new LinkedHashMap<>();
    }

    /** The map to store in the key's state. */
    LinkedHashMap<W, W> asMap() {
        return namespaceOf;
    }

    boolean isEmpty() {
        return namespaceOf.isEmpty();
    }

    /** The namespace of a live window, or null if the window is not live (merged away or dropped). */
    W namespaceOf(W window) {
        return namespaceOf.get(window);
    }

    /** Forgets a live window (its contents are the caller's to clear). */
    void remove(W window) {
        namespaceOf.remove(window);
    }

    /**
     * Makes {@code window} live and returns the live window it ended up in: itself, a live window
     * that already covers it, or the result of merging it with live windows, as {@code assigner}
     * decides. {@code listener} hears of every merge that absorbs live windows.
     */
    W insert(W window, MergingWindowAssigner<?, W> assigner, MergeListener<W> listener) throws Exception {
        if (namespaceOf.containsKey(window)) {
            return window;
        }
        List<W> candidates = new ArrayList<>(namespaceOf.size() + 1);
        candidates.addAll(namespaceOf.keySet());
        candidates.add(window);
        List<Group<W>> groups = new ArrayList<>(1);
        assigner.mergeWindows(candidates, (members, result) -> groups.add(new Group<>(members, result)));

        W home = null;
        for (Group<W> group : groups) {
            if (group.members.contains(window)) {
                home = group.result;
            }
            merge(group, listener);
        }
        if (home == null) {
            namespaceOf.put(window, window);
            return window;
        }
        return home;
    }

    /** Replaces a group's live members by its result, which keeps the first member's namespace. */
    private void merge(Group<W> group, MergeListener<W> listener) throws Exception {
        W kept = null;
        List<W> moved = new ArrayList<>();
        List<W> absorbed = new ArrayList<>();
        for (W member : group.members) {
            W namespace = namespaceOf.remove(member);
            if (namespace == null) {
                continue; // the new window
            }
            if (kept == null) {
                kept = namespace;
            } else {
                moved.add(namespace);
            }
            if (!member.equals(group.result)) {
                absorbed.add(member);
            }
        }
        namespaceOf.put(group.result, kept != null ? kept : group.result);
        if (!absorbed.isEmpty()) {
            listener.onMerge(group.result, absorbed, kept, moved);
        }
    }

    @Override
    public String toString() {
        return "SessionIndex" + namespaceOf;
    }

    private record Group<W>(Collection<W> members, W result) {}
}
