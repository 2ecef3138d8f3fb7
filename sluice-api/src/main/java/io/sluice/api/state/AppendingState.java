package io.sluice.api.state;

/**
 * A state values are added to and read back as one result (a list, a reduction, an aggregate).
 *
 * @param <IN> the type of the values added
 * @param <OUT> the type of the result
 */
public interface AppendingState<IN, OUT> extends State {
    /** The result for the current key; see the sub-interface for the value when there is none. */
    OUT get() throws Exception;

    /** Adds a value for the current key. */
    void add(IN value) throws Exception;
}
