package io.sluice.api.typeutils;

import java.io.DataInput;
import java.io.IOException;

/** Where serializers read from. Big-endian, like {@link DataInput}. */
public interface DataInputView extends DataInput {
    /** Skips exactly {@code numBytes} bytes or throws {@link java.io.EOFException}. */
    void skipBytesToRead(int numBytes) throws IOException;

    /** Reads up to {@code len} bytes; returns the number read, or -1 at the end. */
    int read(byte[] b, int off, int len) throws IOException;
}
