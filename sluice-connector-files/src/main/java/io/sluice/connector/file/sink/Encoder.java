package io.sluice.connector.file.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/** Writes one element to a part file of a row-format {@link FileSink}. Serialized with the job. */
@FunctionalInterface
public interface Encoder<IN> extends Serializable {
    void encode(IN element, OutputStream stream) throws IOException;
}
