package io.sluice.runtime.source.event;

import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands splits to a reader. The splits travel serialized with the source's split serializer (so
 * the JobMaster needs no user classes to forward them); the reader turns them back with
 * {@link #splits}. Immutable.
 */
public final class AddSplitEvent implements OperatorEvent {
    private static final long serialVersionUID = 1L;

    private final int serializerVersion;
    private final ArrayList<byte[]> serializedSplits;

    public AddSplitEvent(int serializerVersion, List<byte[]> serializedSplits) {
        this.serializerVersion = serializerVersion;
        this.serializedSplits = new ArrayList<>(serializedSplits.size());
        for (byte[] split : serializedSplits) {
            this.serializedSplits.add(split.clone());
        }
    }

    /** Serializes {@code splits} with {@code serializer}. */
    public static <S> AddSplitEvent of(List<S> splits, SimpleVersionedSerializer<S> serializer) throws IOException {
        List<byte[]> bytes = new ArrayList<>(splits.size());
        for (S split : splits) {
            bytes.add(serializer.serialize(split));
        }
        return new AddSplitEvent(serializer.getVersion(), bytes);
    }

    public int serializerVersion() {
        return serializerVersion;
    }

    public int numberOfSplits() {
        return serializedSplits.size();
    }

    /** The splits, deserialized with the source's split serializer. */
    public <S> List<S> splits(SimpleVersionedSerializer<S> serializer) throws IOException {
        List<S> splits = new ArrayList<>(serializedSplits.size());
        for (byte[] bytes : serializedSplits) {
            splits.add(serializer.deserialize(serializerVersion, bytes));
        }
        return splits;
    }

    @Override
    public String toString() {
        return "AddSplitEvent[serializerVersion=" + serializerVersion + ", splits=" + serializedSplits.size() + "]";
    }
}
