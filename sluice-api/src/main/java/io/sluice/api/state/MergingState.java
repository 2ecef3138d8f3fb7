package io.sluice.api.state;

/**
 * An {@link AppendingState} whose values for two namespaces (e.g. two windows) can be merged.
 *
 * @param <IN> the type of the values added
 * @param <OUT> the type of the result
 */
public interface MergingState<IN, OUT> extends AppendingState<IN, OUT> {}
