package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Serializes any {@code String}, null included.
 *
 * <p>Format: a varint header {@code 0} for null, else {@code (length << 1 | ascii) + 1} with the
 * length in UTF-16 chars; then, for an all-ASCII string, one byte per char, otherwise each char as
 * a 1-3 byte varint (so surrogates and {@code \0} round-trip unchanged). Equal strings give equal
 * bytes.
 *
 * <p>Threading: an instance keeps scratch arrays for reading, so each thread uses its own
 * ({@link #duplicate()} returns a new one).
 */
public final class StringSerializer extends TypeSerializer<String> {
    private static final long serialVersionUID = 1L;
    private static final int MAX_LENGTH = (Integer.MAX_VALUE - 1) >>> 1;

    private transient byte[] bytes;
    private transient char[] chars;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<String> duplicate() {
        return new StringSerializer();
    }

    @Override
    public String createInstance() {
        return "";
    }

    @Override
    public String copy(String from) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(String record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeByte(0);
            return;
        }
        int len = record.length();
        if (len > MAX_LENGTH) {
            throw new IOException("String of " + len + " chars is longer than the " + MAX_LENGTH + " chars the "
                    + "StringSerializer supports; split it or use byte[]");
        }
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            if (record.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        VarInts.writeVarInt(((len << 1) | (ascii ? 1 : 0)) + 1, target);
        if (ascii) {
            // DataOutput.writeBytes writes the low byte of each char: exactly ASCII.
            target.writeBytes(record);
            return;
        }
        for (int i = 0; i < len; i++) {
            int c = record.charAt(i);
            while (c >= 0x80) {
                target.writeByte((c & 0x7F) | 0x80);
                c >>>= 7;
            }
            target.writeByte(c);
        }
    }

    @Override
    public String deserialize(DataInputView source) throws IOException {
        int header = VarInts.readVarInt(source);
        if (header == 0) {
            return null;
        }
        header--;
        int len = header >>> 1;
        if ((header & 1) != 0) {
            byte[] buf = bytes;
            if (buf == null || buf.length < len) {
                buf = new byte[Math.max(len, 64)];
                bytes = buf;
            }
            source.readFully(buf, 0, len);
            return new String(buf, 0, len, StandardCharsets.ISO_8859_1);
        }
        char[] buf = chars;
        if (buf == null || buf.length < len) {
            buf = new char[Math.max(len, 64)];
            chars = buf;
        }
        for (int i = 0; i < len; i++) {
            int c = source.readByte();
            if (c < 0) {
                c &= 0x7F;
                int shift = 7;
                int b;
                do {
                    b = source.readByte();
                    c |= (b & 0x7F) << shift;
                    shift += 7;
                } while (b < 0);
            }
            buf[i] = (char) c;
        }
        return new String(buf, 0, len);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof StringSerializer;
    }

    @Override
    public int hashCode() {
        return StringSerializer.class.getName().hashCode();
    }

    @Override
    public String toString() {
        return "StringSerializer";
    }
}
