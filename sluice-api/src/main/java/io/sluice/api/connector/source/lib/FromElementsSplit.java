package io.sluice.api.connector.source.lib;

import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import java.io.IOException;

/**
 * The single split of a {@link FromElementsSource}: {@code position} is the index of the next
 * element to emit (0 for a fresh split). Immutable.
 */
public record FromElementsSplit(int position) implements SourceSplit {
    public FromElementsSplit {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative, was " + position);
        }
    }

    @Override
    public String splitId() {
        return "0";
    }

    /** Writes the position. Version 1. */
    public static final class Serializer implements SimpleVersionedSerializer<FromElementsSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(FromElementsSplit split) {
            DataOutputSerializer out = new DataOutputSerializer(4);
            out.writeInt(split.position());
            return out.getCopyOfBuffer();
        }

        @Override
        public FromElementsSplit deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("Unknown FromElementsSplit serializer version " + version);
            }
            return new FromElementsSplit(new DataInputDeserializer(serialized).readInt());
        }
    }
}
