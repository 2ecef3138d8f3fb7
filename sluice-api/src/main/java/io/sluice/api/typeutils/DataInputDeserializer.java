package io.sluice.api.typeutils;

import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A {@link DataInputView} over a slice of a byte array. {@link #setBuffer} points it at another
 * slice without allocating. Not thread-safe.
 */
public final class DataInputDeserializer implements DataInputView {
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final byte[] EMPTY = new byte[0];

    private byte[] buffer = EMPTY;
    private int position;
    private int end;

    public DataInputDeserializer() {}

    public DataInputDeserializer(byte[] buffer) {
        setBuffer(buffer, 0, buffer.length);
    }

    public DataInputDeserializer(byte[] buffer, int start, int len) {
        setBuffer(buffer, start, len);
    }

    public void setBuffer(byte[] buffer) {
        setBuffer(buffer, 0, buffer.length);
    }

    public void setBuffer(byte[] buffer, int start, int len) {
        if (start < 0 || len < 0 || start + len > buffer.length) {
            throw new IndexOutOfBoundsException(
                    "slice [" + start + ", " + (start + len) + ") of " + buffer.length + " bytes");
        }
        this.buffer = buffer;
        this.position = start;
        this.end = start + len;
    }

    public int getPosition() {
        return position;
    }

    public int available() {
        return end - position;
    }

    private void need(int n) throws EOFException {
        if (end - position < n) {
            throw new EOFException("Needed " + n + " bytes, " + (end - position) + " left");
        }
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        need(len);
        System.arraycopy(buffer, position, b, off, len);
        position += len;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= end) {
            return len == 0 ? 0 : -1;
        }
        int n = Math.min(len, end - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public void skipBytesToRead(int numBytes) throws IOException {
        need(numBytes);
        position += numBytes;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        need(1);
        return buffer[position++];
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return readByte() & 0xFF;
    }

    @Override
    public short readShort() throws IOException {
        need(2);
        short v = (short) SHORT.get(buffer, position);
        position += 2;
        return v;
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws IOException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws IOException {
        need(4);
        int v = (int) INT.get(buffer, position);
        position += 4;
        return v;
    }

    @Override
    public long readLong() throws IOException {
        need(8);
        long v = (long) LONG.get(buffer, position);
        position += 8;
        return v;
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    @Override
    public String readLine() throws IOException {
        if (position >= end) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        while (position < end) {
            char c = (char) (buffer[position++] & 0xFF);
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public String readUTF() throws IOException {
        int utfLen = readUnsignedShort();
        need(utfLen);
        char[] chars = new char[utfLen];
        int count = 0;
        int stop = position + utfLen;
        while (position < stop) {
            int c = buffer[position] & 0xFF;
            if (c < 0x80) {
                position++;
                chars[count++] = (char) c;
            } else if ((c >> 5) == 0x06) {
                if (position + 2 > stop) {
                    throw new UTFDataFormatException("malformed input: partial character at end");
                }
                int c2 = buffer[position + 1];
                chars[count++] = (char) (((c & 0x1F) << 6) | (c2 & 0x3F));
                position += 2;
            } else if ((c >> 4) == 0x0E) {
                if (position + 3 > stop) {
                    throw new UTFDataFormatException("malformed input: partial character at end");
                }
                int c2 = buffer[position + 1];
                int c3 = buffer[position + 2];
                chars[count++] = (char) (((c & 0x0F) << 12) | ((c2 & 0x3F) << 6) | (c3 & 0x3F));
                position += 3;
            } else {
                throw new UTFDataFormatException("malformed input around byte " + position);
            }
        }
        return new String(chars, 0, count);
    }
}
