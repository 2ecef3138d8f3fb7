package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;

/**
 * Unsigned variable-length ints: 7 bits per byte, low bits first, high bit set on every byte but
 * the last. Lengths below 128 take one byte. Stateless; any thread.
 */
public final class VarInts {
    private VarInts() {}

    /** Writes {@code value} (treated as unsigned) in 1 to 5 bytes. */
    public static void writeVarInt(int value, DataOutputView target) throws IOException {
        while ((value & ~0x7F) != 0) {
            target.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        target.writeByte(value);
    }

    /** Reads a value written by {@link #writeVarInt}. */
    public static int readVarInt(DataInputView source) throws IOException {
        int b = source.readByte();
        if (b >= 0) {
            return b;
        }
        int result = b & 0x7F;
        int shift = 7;
        while (true) {
            b = source.readByte();
            result |= (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
            shift += 7;
            if (shift > 28) {
                throw new IOException("Malformed variable-length int: more than 5 bytes; the stream is corrupt or "
                        + "was written by a different serializer");
            }
        }
    }

    /** Reads a length written by {@link #writeVarInt} and checks it is not negative. */
    public static int readLength(DataInputView source, String what) throws IOException {
        int len = readVarInt(source);
        if (len < 0) {
            throw new IOException("Negative length " + len + " for " + what
                    + ": the stream is corrupt or was written by a different serializer");
        }
        return len;
    }
}
