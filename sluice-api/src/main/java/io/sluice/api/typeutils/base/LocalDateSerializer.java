package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;
import java.time.LocalDate;

/** Serializes a non-null {@code LocalDate} as its epoch day (long). Stateless; any thread. */
public final class LocalDateSerializer extends SingletonSerializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final LocalDateSerializer INSTANCE = new LocalDateSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public LocalDate createInstance() {
        return LocalDate.EPOCH;
    }

    @Override
    public LocalDate copy(LocalDate from) {
        return from;
    }

    @Override
    public int getLength() {
        return 8;
    }

    @Override
    public void serialize(LocalDate record, DataOutputView target) throws IOException {
        target.writeLong(record.toEpochDay());
    }

    @Override
    public LocalDate deserialize(DataInputView source) throws IOException {
        return LocalDate.ofEpochDay(source.readLong());
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.write(source, 8);
    }

    private Object readResolve() {
        return INSTANCE;
    }
}
