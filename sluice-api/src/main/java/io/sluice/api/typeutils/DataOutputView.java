package io.sluice.api.typeutils;

import java.io.DataOutput;
import java.io.IOException;

/** Where serializers write. Big-endian, like {@link DataOutput}; strings are written by the serializers, not {@code writeUTF}. */
public interface DataOutputView extends DataOutput {
    /** Copies {@code numBytes} bytes from the source view to this one. */
    void write(DataInputView source, int numBytes) throws IOException;
}
