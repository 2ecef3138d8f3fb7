package io.sluice.api.accumulators;

import java.io.Serializable;

/**
 * A value each subtask updates locally; the JobMaster merges the subtasks' values when the job
 * ends. Used on the task thread only.
 *
 * @param <V> the type of values added
 * @param <R> the type of the result (must be serializable)
 */
public interface Accumulator<V, R extends Serializable> extends Serializable {
    void add(V value);

    R getLocalValue();

    void resetLocal();

    /** Merges another subtask's accumulator of the same class into this one. */
    void merge(Accumulator<V, R> other);

    Accumulator<V, R> clone();
}
