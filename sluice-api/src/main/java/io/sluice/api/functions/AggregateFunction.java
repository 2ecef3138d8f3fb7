package io.sluice.api.functions;

/**
 * Aggregates values incrementally through a mutable or immutable accumulator: {@link
 * #createAccumulator()} once per key (or window), {@link #add} per value, {@link #getResult} when
 * the result is read, and {@link #merge} when two partial aggregates are combined (merging windows).
 *
 * <p>Called on the task thread only. {@code add} may modify and return the given accumulator.
 *
 * @param <IN> the type of the values added
 * @param <ACC> the accumulator type (the intermediate state)
 * @param <OUT> the result type
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {
    /** A new, empty accumulator. */
    ACC createAccumulator();

    /** Adds {@code value} to {@code accumulator}; returns the new accumulator (may be the same object). */
    ACC add(IN value, ACC accumulator);

    /** The result of the aggregation so far. */
    OUT getResult(ACC accumulator);

    /** Merges two accumulators; returns the merged one (may be {@code a} or {@code b}, modified). */
    ACC merge(ACC a, ACC b);
}
