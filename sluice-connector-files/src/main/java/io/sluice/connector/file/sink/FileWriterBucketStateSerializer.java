package io.sluice.connector.file.sink;

import io.sluice.api.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Version 1: the four names as modified UTF-8, then the valid length and the creation time. */
public final class FileWriterBucketStateSerializer implements SimpleVersionedSerializer<FileWriterBucketState> {
    public static final FileWriterBucketStateSerializer INSTANCE = new FileWriterBucketStateSerializer();

    private FileWriterBucketStateSerializer() {}

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(FileWriterBucketState state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(state.bucketId());
            out.writeUTF(state.bucketPath());
            out.writeUTF(state.inProgressFile());
            out.writeUTF(state.targetFile());
            out.writeLong(state.validLength());
            out.writeLong(state.creationTime());
        }
        return bytes.toByteArray();
    }

    @Override
    public FileWriterBucketState deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1) {
            throw new IOException("Unknown version " + version + " of a FileSink writer state (this build reads 1)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return new FileWriterBucketState(
                    in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readLong());
        }
    }
}
