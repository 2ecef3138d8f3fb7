package io.sluice.api.state;

import java.util.List;

/**
 * A list of values per key, in insertion order.
 *
 * <p>{@link #get()} never returns {@code null}: a key without values gives an empty iterable. The
 * list holds no {@code null} elements: adding one throws {@link NullPointerException}.
 *
 * @param <T> the element type
 */
public interface ListState<T> extends MergingState<T, Iterable<T>> {
    /** Replaces the list of the current key with {@code values}; an empty list clears it. */
    void update(List<T> values) throws Exception;

    /** Appends all {@code values} to the list of the current key; an empty list is a no-op. */
    void addAll(List<T> values) throws Exception;
}
