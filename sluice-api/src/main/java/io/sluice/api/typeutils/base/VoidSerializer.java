package io.sluice.api.typeutils.base;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;

/** Serializes {@code Void} (always null) as zero bytes. Stateless; any thread. */
public final class VoidSerializer extends SingletonSerializer<Void> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final VoidSerializer INSTANCE = new VoidSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Void createInstance() {
        return null;
    }

    @Override
    public Void copy(Void from) {
        return null;
    }

    @Override
    public int getLength() {
        return 0;
    }

    @Override
    public void serialize(Void record, DataOutputView target) {}

    @Override
    public Void deserialize(DataInputView source) {
        return null;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) {}

    private Object readResolve() {
        return INSTANCE;
    }
}
