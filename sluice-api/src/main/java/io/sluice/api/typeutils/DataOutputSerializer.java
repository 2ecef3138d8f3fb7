package io.sluice.api.typeutils;

import java.io.IOException;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A {@link DataOutputView} over a growable byte array, reused across records: {@link #clear()}
 * resets the position without freeing the array, so steady-state serialization allocates nothing.
 * Not thread-safe.
 */
public final class DataOutputSerializer implements DataOutputView {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buffer;
    private int position;

    public DataOutputSerializer(int initialSize) {
        this.buffer = new byte[Math.max(16, initialSize)];
    }

    /** The backing array; valid bytes are {@code [0, length())}. */
    public byte[] getSharedBuffer() {
        return buffer;
    }

    public int length() {
        return position;
    }

    public byte[] getCopyOfBuffer() {
        return Arrays.copyOf(buffer, position);
    }

    public void clear() {
        position = 0;
    }

    /** Moves the write position, e.g. back to a length field reserved earlier. */
    public void setPosition(int position) {
        if (position < 0 || position > buffer.length) {
            throw new IndexOutOfBoundsException("position " + position + " outside [0, " + buffer.length + "]");
        }
        this.position = position;
    }

    private void ensure(int extra) {
        int needed = position + extra;
        if (needed > buffer.length) {
            if (needed < 0) {
                throw new IllegalStateException("Record larger than 2 GiB cannot be serialized");
            }
            buffer = Arrays.copyOf(buffer, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, buffer.length * 2L)));
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buffer[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buffer, position, len);
        position += len;
    }

    @Override
    public void write(DataInputView source, int numBytes) throws IOException {
        ensure(numBytes);
        source.readFully(buffer, position, numBytes);
        position += numBytes;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        ensure(2);
        SHORT.set(buffer, position, (short) v);
        position += 2;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        ensure(4);
        INT.set(buffer, position, v);
        position += 4;
    }

    @Override
    public void writeLong(long v) {
        ensure(8);
        LONG.set(buffer, position, v);
        position += 8;
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        int len = s.length();
        ensure(len);
        for (int i = 0; i < len; i++) {
            buffer[position++] = (byte) s.charAt(i);
        }
    }

    @Override
    public void writeChars(String s) {
        int len = s.length();
        ensure(2 * len);
        for (int i = 0; i < len; i++) {
            SHORT.set(buffer, position, (short) s.charAt(i));
            position += 2;
        }
    }

    /** Modified UTF-8 as {@link java.io.DataOutputStream#writeUTF}, limited to 65535 bytes. */
    @Override
    public void writeUTF(String s) throws IOException {
        int len = s.length();
        int utfLen = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            utfLen += (c >= 0x0001 && c <= 0x007F) ? 1 : (c > 0x07FF ? 3 : 2);
        }
        if (utfLen > 65535) {
            throw new UTFDataFormatException("String too long for writeUTF: " + utfLen + " bytes");
        }
        ensure(2 + utfLen);
        SHORT.set(buffer, position, (short) utfLen);
        position += 2;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                buffer[position++] = (byte) c;
            } else if (c > 0x07FF) {
                buffer[position++] = (byte) (0xE0 | ((c >> 12) & 0x0F));
                buffer[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            } else {
                buffer[position++] = (byte) (0xC0 | ((c >> 6) & 0x1F));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }
}
