package io.sluice.runtime.state.heap;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies, writes and reads what one heap state stores per (key, namespace): the value of value,
 * reducing and aggregating states, the {@code ArrayList} of a list state, the {@code HashMap} of a
 * map state, each element with its {@link TtlValue} timestamp when TTL is on. Serializers come from
 * the descriptor's type information (for map state, its key and value types).
 *
 * <p>One instance per thread: the task thread's copies values when a key group stops being shared
 * with a snapshot; the snapshot thread gets its own through {@link #duplicate()}.
 */
final class StoredValueCodec {
    private final StateDescriptor.Type kind;
    private final boolean ttl;
    /** The value type; the element type of a list state; the value type of a map state. */
    private final TypeSerializer<Object> values;
    /** The user key type of a map state, else null. */
    private final TypeSerializer<Object> mapKeys;

    private StoredValueCodec(
            StateDescriptor.Type kind, boolean ttl, TypeSerializer<Object> values, TypeSerializer<Object> mapKeys) {
        this.kind = kind;
        this.ttl = ttl;
        this.values = values;
        this.mapKeys = mapKeys;
    }

    /**
     * The codec of {@code descriptor}'s state.
     *
     * @throws IllegalStateException naming the state when a serializer cannot be created
     */
    @SuppressWarnings("unchecked")
    static StoredValueCodec of(StateDescriptor<?, ?> descriptor, ExecutionConfig config) {
        try {
            TypeSerializer<Object> values;
            TypeSerializer<Object> mapKeys = null;
            if (descriptor instanceof MapStateDescriptor<?, ?> map) {
                mapKeys = (TypeSerializer<Object>) map.getKeyTypeInformation().createSerializer(config);
                values = (TypeSerializer<Object>) map.getValueTypeInformation().createSerializer(config);
            } else {
                values =
                        (TypeSerializer<Object>) descriptor.getTypeInformation().createSerializer(config);
            }
            return new StoredValueCodec(
                    descriptor.getType(), descriptor.getTtlConfig().isEnabled(), values, mapKeys);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot snapshot keyed state '" + descriptor.getName() + "': no serializer for its type ("
                            + e.getMessage() + "); give the state descriptor a TypeInformation",
                    e);
        }
    }

    StoredValueCodec duplicate() {
        return new StoredValueCodec(kind, ttl, values.duplicate(), mapKeys == null ? null : mapKeys.duplicate());
    }

    /** Whether stored objects must be copied before the task thread may change them again. */
    boolean needsCopy() {
        return kind == StateDescriptor.Type.LIST || kind == StateDescriptor.Type.MAP || !values.isImmutableType();
    }

    // ---- copies (task thread) ----

    @SuppressWarnings("unchecked")
    Object copy(Object stored) {
        switch (kind) {
            case LIST -> {
                List<Object> list = (List<Object>) stored;
                ArrayList<Object> copy = new ArrayList<>(list.size() + 4);
                for (Object element : list) {
                    copy.add(copyElement(element));
                }
                return copy;
            }
            case MAP -> {
                HashMap<Object, Object> map = (HashMap<Object, Object>) stored;
                HashMap<Object, Object> copy = new HashMap<>(Math.max(16, (int) (map.size() / 0.75f) + 1));
                for (Map.Entry<Object, Object> e : map.entrySet()) {
                    copy.put(e.getKey(), copyElement(e.getValue()));
                }
                return copy;
            }
            default -> {
                return copyElement(stored);
            }
        }
    }

    private Object copyElement(Object element) {
        if (values.isImmutableType() || element == null) {
            return element;
        }
        if (ttl) {
            TtlValue<?> t = (TtlValue<?>) element;
            return new TtlValue<>(t.value() == null ? null : values.copy(t.value()), t.lastAccessTimestamp());
        }
        return values.copy(element);
    }

    // ---- TTL cleanup in full snapshots (snapshot thread) ----

    /**
     * {@code stored} without the elements that expired by {@code now} (for states with TTL whose
     * config asks for cleanup in full snapshots), or null when nothing is left. Never changes
     * {@code stored}: it may still be the task thread's value.
     */
    @SuppressWarnings("unchecked")
    Object withoutExpired(Object stored, long now, long ttlMillis) {
        switch (kind) {
            case LIST -> {
                List<Object> list = (List<Object>) stored;
                ArrayList<Object> kept = new ArrayList<>(list.size());
                for (Object element : list) {
                    if (!expired(element, now, ttlMillis)) {
                        kept.add(element);
                    }
                }
                return kept.isEmpty() ? null : kept.size() == list.size() ? stored : kept;
            }
            case MAP -> {
                HashMap<Object, Object> map = (HashMap<Object, Object>) stored;
                HashMap<Object, Object> kept = new HashMap<>();
                for (Map.Entry<Object, Object> e : map.entrySet()) {
                    if (!expired(e.getValue(), now, ttlMillis)) {
                        kept.put(e.getKey(), e.getValue());
                    }
                }
                return kept.isEmpty() ? null : kept.size() == map.size() ? stored : kept;
            }
            default -> {
                return expired(stored, now, ttlMillis) ? null : stored;
            }
        }
    }

    private static boolean expired(Object element, long now, long ttlMillis) {
        long lastAccess = ((TtlValue<?>) element).lastAccessTimestamp();
        long expiresAt = ttlMillis > Long.MAX_VALUE - lastAccess ? Long.MAX_VALUE : lastAccess + ttlMillis;
        return expiresAt <= now;
    }

    // ---- bytes (snapshot thread, restore) ----

    @SuppressWarnings("unchecked")
    void write(Object stored, DataOutputView out) throws IOException {
        switch (kind) {
            case LIST -> {
                List<Object> list = (List<Object>) stored;
                out.writeInt(list.size());
                for (Object element : list) {
                    writeElement(element, out);
                }
            }
            case MAP -> {
                HashMap<Object, Object> map = (HashMap<Object, Object>) stored;
                out.writeInt(map.size());
                for (Map.Entry<Object, Object> e : map.entrySet()) {
                    mapKeys.serialize(e.getKey(), out);
                    writeElement(e.getValue(), out);
                }
            }
            default -> writeElement(stored, out);
        }
    }

    Object read(DataInputView in) throws IOException {
        switch (kind) {
            case LIST -> {
                int n = in.readInt();
                ArrayList<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(readElement(in));
                }
                return list;
            }
            case MAP -> {
                int n = in.readInt();
                HashMap<Object, Object> map = new HashMap<>(Math.max(16, (int) (n / 0.75f) + 1));
                for (int i = 0; i < n; i++) {
                    Object key = mapKeys.deserialize(in);
                    map.put(key, readElement(in));
                }
                return map;
            }
            default -> {
                return readElement(in);
            }
        }
    }

    /** A value (map values may be null), with its TTL timestamp first when TTL is on. */
    private void writeElement(Object element, DataOutputView out) throws IOException {
        Object value = element;
        if (ttl) {
            TtlValue<?> t = (TtlValue<?>) element;
            out.writeLong(t.lastAccessTimestamp());
            value = t.value();
        }
        out.writeBoolean(value != null);
        if (value != null) {
            values.serialize(value, out);
        }
    }

    private Object readElement(DataInputView in) throws IOException {
        long timestamp = ttl ? in.readLong() : 0L;
        Object value = in.readBoolean() ? values.deserialize(in) : null;
        return ttl ? new TtlValue<>(value, timestamp) : value;
    }
}
