package io.sluice.api.state;

/**
 * One accumulator per key, fed by the descriptor's {@code AggregateFunction}: the first {@link
 * #add} creates it, {@link #get()} returns its result, or {@code null} for a key without values;
 * adding {@code null} clears the current key's accumulator.
 *
 * @param <IN> the type of the values added
 * @param <OUT> the result type
 */
public interface AggregatingState<IN, OUT> extends MergingState<IN, OUT> {}
