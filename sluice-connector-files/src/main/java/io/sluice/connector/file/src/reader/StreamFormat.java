package io.sluice.connector.file.src.reader;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * Reads records one by one from a file's byte stream. The format object travels with the job
 * (serializable, immutable); each file gets its own {@link Reader}, used by one task thread only.
 *
 * <p>Positions for checkpoints are counted in records: a restored split re-opens the file and
 * skips the records already emitted, so a format needs no seek support.
 */
public interface StreamFormat<T> extends Serializable {

    /** Opens a reader at the start of {@code stream}; the reader owns and closes the stream. */
    Reader<T> createReader(InputStream stream) throws IOException;

    /** Reads the records of one file. */
    interface Reader<T> extends Closeable {
        /** The next record, or null at the end of the file. */
        T read() throws IOException;
    }
}
