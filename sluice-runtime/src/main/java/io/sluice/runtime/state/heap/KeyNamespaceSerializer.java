package io.sluice.runtime.state.heap;

import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.ForySerializer;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.typeutils.base.StringSerializer;
import io.sluice.api.windowing.windows.GlobalWindow;
import io.sluice.api.windowing.windows.TimeWindow;
import io.sluice.runtime.state.VoidNamespace;
import java.io.IOException;

/**
 * Writes the keys and namespaces of keyed state and timers in snapshots: one tag byte, then the
 * value. The common key and namespace types have their own compact form ({@link VoidNamespace},
 * {@code String}, {@code Long}, {@code Integer}, {@link TimeWindow}, {@link GlobalWindow}); any
 * other type goes through the generic {@link ForySerializer}, which records the class.
 *
 * <p>Why not the key type's own serializer: the keyed backend is created from the key selector
 * alone (the key's {@code TypeInformation} stays in the stream graph and is often a generic or
 * missing type for lambdas), and one backend holds namespaces of several types (windows for window
 * state, {@code Long} for interval-join timers, {@link VoidNamespace} elsewhere). Tagging keeps
 * restore independent of which operator created which namespace, and keeps singletons singletons
 * ({@code VoidNamespace} and {@code GlobalWindow} compare by identity).
 *
 * <p>Not thread-safe (the generic serializer has scratch buffers): each thread uses its own
 * {@link #duplicate()}.
 */
final class KeyNamespaceSerializer extends TypeSerializer<Object> {
    private static final long serialVersionUID = 1L;

    private static final int VOID = 0;
    private static final int STRING = 1;
    private static final int LONG = 2;
    private static final int INTEGER = 3;
    private static final int TIME_WINDOW = 4;
    private static final int GLOBAL_WINDOW = 5;
    private static final int GENERIC = 6;

    private final StringSerializer strings = new StringSerializer();
    private ForySerializer<Object> generic;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<Object> duplicate() {
        return new KeyNamespaceSerializer();
    }

    @Override
    public Object createInstance() {
        return null;
    }

    @Override
    public Object copy(Object from) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Object value, DataOutputView out) throws IOException {
        if (value == VoidNamespace.INSTANCE) {
            out.writeByte(VOID);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            strings.serialize(s, out);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Integer i) {
            out.writeByte(INTEGER);
            out.writeInt(i);
        } else if (value instanceof TimeWindow w) {
            out.writeByte(TIME_WINDOW);
            out.writeLong(w.getStart());
            out.writeLong(w.getEnd());
        } else if (value instanceof GlobalWindow) {
            out.writeByte(GLOBAL_WINDOW);
        } else {
            out.writeByte(GENERIC);
            generic().serialize(value, out);
        }
    }

    @Override
    public Object deserialize(DataInputView in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case VOID -> VoidNamespace.INSTANCE;
            case STRING -> strings.deserialize(in);
            case LONG -> in.readLong();
            case INTEGER -> in.readInt();
            case TIME_WINDOW -> new TimeWindow(in.readLong(), in.readLong());
            case GLOBAL_WINDOW -> GlobalWindow.get();
            case GENERIC -> generic().deserialize(in);
            default -> throw new IOException("Corrupt keyed state snapshot: unknown key/namespace tag " + tag);
        };
    }

    private ForySerializer<Object> generic() {
        if (generic == null) {
            generic = new ForySerializer<>(Object.class);
        }
        return generic;
    }
}
