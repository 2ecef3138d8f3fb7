package io.sluice.connector.file.src;

import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One whole file of a {@link FileSource}. {@code recordsToSkip} is the number of records of the
 * file already emitted (0 for a fresh split; the position in a checkpoint). Immutable.
 */
public record FileSourceSplit(String splitId, String path, long recordsToSkip) implements SourceSplit {

    public FileSourceSplit {
        if (recordsToSkip < 0) {
            throw new IllegalArgumentException("recordsToSkip must not be negative, was " + recordsToSkip);
        }
    }

    public Path filePath() {
        return Path.of(path);
    }

    /** Writes id, path and position. Version 1. */
    public static final class Serializer implements SimpleVersionedSerializer<FileSourceSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(FileSourceSplit split) throws IOException {
            DataOutputSerializer out = new DataOutputSerializer(64);
            out.writeUTF(split.splitId());
            out.writeUTF(split.path());
            out.writeLong(split.recordsToSkip());
            return out.getCopyOfBuffer();
        }

        @Override
        public FileSourceSplit deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("Unknown FileSourceSplit serializer version " + version);
            }
            DataInputDeserializer in = new DataInputDeserializer(serialized);
            return new FileSourceSplit(in.readUTF(), in.readUTF(), in.readLong());
        }
    }
}
