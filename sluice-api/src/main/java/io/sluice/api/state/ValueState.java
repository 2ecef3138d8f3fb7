package io.sluice.api.state;

import java.io.IOException;

/**
 * One value per key.
 *
 * @param <T> the value type
 */
public interface ValueState<T> extends State {
    /** The value of the current key, or {@code null} if it has none (never set, cleared or expired). */
    T value() throws IOException;

    /** Sets the value of the current key; {@code null} clears it. */
    void update(T value) throws IOException;
}
