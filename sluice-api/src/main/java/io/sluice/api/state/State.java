package io.sluice.api.state;

/**
 * A partitioned state of a keyed stream: every access reads or writes the value of the record's
 * key (the current key), which the runtime sets before calling the user function.
 *
 * <p>Not thread-safe: use a state only from the function that created it, on the task thread (in
 * {@code processElement}, {@code onTimer} or their like). Using it where there is no current key
 * (e.g. in {@code open()}) throws {@link IllegalStateException}.
 */
public interface State {
    /** Removes the value of the current key. */
    void clear();
}
