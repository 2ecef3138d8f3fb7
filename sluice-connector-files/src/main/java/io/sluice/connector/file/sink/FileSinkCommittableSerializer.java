package io.sluice.connector.file.sink;

import io.sluice.api.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Version 1: bucket id, pending file and target file as modified UTF-8 strings. */
public final class FileSinkCommittableSerializer implements SimpleVersionedSerializer<FileSinkCommittable> {
    public static final FileSinkCommittableSerializer INSTANCE = new FileSinkCommittableSerializer();

    private FileSinkCommittableSerializer() {}

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(FileSinkCommittable committable) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(committable.bucketId());
            out.writeUTF(committable.pendingFile());
            out.writeUTF(committable.targetFile());
        }
        return bytes.toByteArray();
    }

    @Override
    public FileSinkCommittable deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1) {
            throw new IOException("Unknown version " + version + " of a FileSink committable (this build reads 1)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return new FileSinkCommittable(in.readUTF(), in.readUTF(), in.readUTF());
        }
    }
}
