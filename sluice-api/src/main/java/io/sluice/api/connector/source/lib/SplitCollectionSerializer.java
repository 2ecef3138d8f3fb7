package io.sluice.api.connector.source.lib;

import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;

/**
 * Serializes a collection of splits (the checkpoint of a {@link StaticSplitEnumerator}) with the
 * splits' own serializer: the split serializer's version, the count, then each split
 * length-prefixed. Stateless apart from the wrapped serializer; use from one thread.
 */
public final class SplitCollectionSerializer<SplitT> implements SimpleVersionedSerializer<Collection<SplitT>> {
    private static final int VERSION = 1;

    private final SimpleVersionedSerializer<SplitT> splitSerializer;

    public SplitCollectionSerializer(SimpleVersionedSerializer<SplitT> splitSerializer) {
        this.splitSerializer = splitSerializer;
    }

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(Collection<SplitT> splits) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeInt(splitSerializer.getVersion());
        out.writeInt(splits.size());
        for (SplitT split : splits) {
            byte[] bytes = splitSerializer.serialize(split);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public Collection<SplitT> deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("Unknown split collection version " + version + " (this build reads " + VERSION
                    + "); was the checkpoint written by a newer Sluice?");
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int splitVersion = in.readInt();
        int count = in.readInt();
        ArrayList<SplitT> splits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            splits.add(splitSerializer.deserialize(splitVersion, bytes));
        }
        return splits;
    }
}
