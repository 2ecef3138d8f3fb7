package io.sluice.api.connector.source.lib;

import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import java.io.IOException;

/**
 * A contiguous range {@code [from, to]} of a {@link NumberSequenceSource}. In a checkpoint,
 * {@code from} is the next number not yet emitted. Immutable.
 */
public record NumberSequenceSplit(String splitId, long from, long to) implements SourceSplit {

    public NumberSequenceSplit {
        if (from > to) {
            throw new IllegalArgumentException("Split " + splitId + ": from " + from + " > to " + to);
        }
    }

    /** Writes the id and both bounds. Version 1. */
    public static final class Serializer implements SimpleVersionedSerializer<NumberSequenceSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(NumberSequenceSplit split) throws IOException {
            DataOutputSerializer out = new DataOutputSerializer(32);
            out.writeUTF(split.splitId());
            out.writeLong(split.from());
            out.writeLong(split.to());
            return out.getCopyOfBuffer();
        }

        @Override
        public NumberSequenceSplit deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("Unknown NumberSequenceSplit serializer version " + version);
            }
            DataInputDeserializer in = new DataInputDeserializer(serialized);
            return new NumberSequenceSplit(in.readUTF(), in.readLong(), in.readLong());
        }
    }
}
