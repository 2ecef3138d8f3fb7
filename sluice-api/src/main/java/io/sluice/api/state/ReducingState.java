package io.sluice.api.state;

/**
 * One value per key, combined with each added value by the descriptor's {@code ReduceFunction}.
 * {@link #get()} returns {@code null} for a key without values; adding {@code null} clears the
 * current key's value.
 *
 * @param <T> the value type
 */
public interface ReducingState<T> extends MergingState<T, T> {}
