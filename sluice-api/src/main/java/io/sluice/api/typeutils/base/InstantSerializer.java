package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;
import java.time.Instant;

/** Serializes a non-null {@code Instant} as epoch seconds (long) and nanos (int). Stateless; any thread. */
public final class InstantSerializer extends SingletonSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final InstantSerializer INSTANCE = new InstantSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Instant createInstance() {
        return Instant.EPOCH;
    }

    @Override
    public Instant copy(Instant from) {
        return from;
    }

    @Override
    public int getLength() {
        return 12;
    }

    @Override
    public void serialize(Instant record, DataOutputView target) throws IOException {
        target.writeLong(record.getEpochSecond());
        target.writeInt(record.getNano());
    }

    @Override
    public Instant deserialize(DataInputView source) throws IOException {
        long seconds = source.readLong();
        return Instant.ofEpochSecond(seconds, source.readInt());
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.write(source, 12);
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
