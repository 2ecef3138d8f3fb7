package io.sluice.runtime.network.testutils;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;

/** Test-only: the raw bytes, no own length field (the writer's length prefix delimits the record). */
public final class BytesSerializer extends TypeSerializer<byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<byte[]> duplicate() {
        return this;
    }

    @Override
    public byte[] createInstance() {
        return new byte[0];
    }

    @Override
    public byte[] copy(byte[] from) {
        return from.clone();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(byte[] record, DataOutputView target) throws IOException {
        target.write(record);
    }

    /** Reads everything the view has: works because the deserializer hands over exactly one record. */
    @Override
    public byte[] deserialize(DataInputView source) throws IOException {
        byte[] result = new byte[64];
        int length = 0;
        int n;
        while ((n = source.read(result, length, result.length - length)) > 0) {
            length += n;
            if (length == result.length) {
                result = java.util.Arrays.copyOf(result, result.length * 2);
            }
        }
        return java.util.Arrays.copyOf(result, length);
    }
}
