package io.sluice.api.connector.sink;

import io.sluice.api.eventtime.Watermark;
import java.io.IOException;

/**
 * Writes the records of one parallel subtask. Every method runs on the task thread. Call order:
 * {@link #write} and {@link #writeWatermark} per element; {@link #flush(boolean)} before each
 * checkpoint (false) and at the end of a bounded input (true); {@link #close()} last, also after a
 * failure.
 */
public interface SinkWriter<InputT> extends AutoCloseable {
    void write(InputT element, Context context) throws IOException, InterruptedException;

    void flush(boolean endOfInput) throws IOException, InterruptedException;

    default void writeWatermark(Watermark watermark) throws IOException, InterruptedException {}

    /** About the element being written. */
    interface Context {
        /** The current event-time watermark of the task. */
        long currentWatermark();

        /** The element's event timestamp, or null if it has none. */
        Long timestamp();
    }
}
