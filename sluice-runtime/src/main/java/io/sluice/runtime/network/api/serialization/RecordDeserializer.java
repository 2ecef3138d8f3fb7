package io.sluice.runtime.network.api.serialization;

import io.sluice.runtime.network.buffer.Buffer;
import java.io.IOException;

/**
 * Reads the length-prefixed records a {@code RecordWriter} wrote, one input channel's buffers in
 * order. One instance per input channel (a record may continue in the channel's next buffer), owned
 * by the reading task thread.
 *
 * <pre>
 *   setNextBuffer(buffer)
 *   do {
 *     result = getNextRecord()
 *     if (result.isFullRecord()) use getRecord()
 *   } while (!result.isBufferConsumed())
 *   buffer.recycleBuffer()      // the deserializer keeps no reference to a consumed buffer
 * </pre>
 */
public interface RecordDeserializer<T> {
    /** The result of one {@link #getNextRecord()}. */
    enum DeserializationResult {
        /** No full record: the rest of the record is in the next buffer. Buffer consumed. */
        PARTIAL_RECORD(false, true),
        /** A record; the buffer holds more data. */
        INTERMEDIATE_RECORD_FROM_BUFFER(true, false),
        /** A record, and it was the last data in the buffer. Buffer consumed. */
        LAST_RECORD_FROM_BUFFER(true, true);

        private final boolean fullRecord;
        private final boolean bufferConsumed;

        DeserializationResult(boolean fullRecord, boolean bufferConsumed) {
            this.fullRecord = fullRecord;
            this.bufferConsumed = bufferConsumed;
        }

        public boolean isFullRecord() {
            return fullRecord;
        }

        public boolean isBufferConsumed() {
            return bufferConsumed;
        }
    }

    /** Continues with {@code buffer}; the previous one must have been consumed. */
    void setNextBuffer(Buffer buffer);

    /** Reads the next record from the current buffer (and what was carried over from earlier ones). */
    DeserializationResult getNextRecord() throws IOException;

    /** The record read by the last {@link #getNextRecord()} that returned a full record. */
    T getRecord();

    /** True while a record is partially read (its rest is in a buffer not yet set). */
    boolean hasUnfinishedData();

    /** Drops the current buffer reference and any partial record (for cancellation). Does not recycle. */
    void clear();
}
