package io.sluice.api.typeutils;

import io.sluice.api.typeutils.base.VarInts;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fory.Fory;
import org.apache.fory.config.CompatibleMode;
import org.apache.fory.config.Language;
import org.apache.fory.memory.MemoryBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generic fallback: serializes any object graph with Apache Fory (no class registration, no
 * reference tracking, so cyclic graphs are not supported). Format: the Fory payload's length as a
 * varint, then the payload. Much slower and larger than the dedicated serializers; equal values give
 * equal bytes only as far as Fory's output is deterministic (not for hash-ordered collections).
 *
 * <p>Threading: a Fory instance is not thread-safe; each serializer instance creates its own lazily
 * (serializers are Java-serialized inside the job graph) and {@link #duplicate()} returns a fresh
 * instance, so each task thread must use its own duplicate.
 */
public final class ForySerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    private static final Logger LOG = LoggerFactory.getLogger(ForySerializer.class);
    private static final Set<String> NO_CODEGEN_LOGGED = ConcurrentHashMap.newKeySet();

    private transient Fory fory;
    private transient boolean codegen;
    private transient MemoryBuffer out;
    private transient MemoryBuffer in;
    private transient byte[] scratch;

    public ForySerializer(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    private Fory fory() {
        Fory f = fory;
        if (f == null) {
            f = buildFory(true);
        }
        return f;
    }

    /**
     * Fory's generated code cannot access some non-public nested types; its reflective mode can and
     * writes the same format. Switches this instance to it and says so once per type.
     */
    private Fory withoutCodegen(RuntimeException cause) {
        if (!codegen) {
            throw cause;
        }
        if (NO_CODEGEN_LOGGED.add(type.getName())) {
            LOG.warn(
                    "Fory could not generate a serializer for {} ({}); using its slower reflective mode for it. "
                            + "Making the type and its field types public avoids this.",
                    type.getName(),
                    rootMessage(cause));
        }
        return buildFory(false);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage());
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    private Fory buildFory(boolean withCodegen) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null) {
            loader = Thread.currentThread().getContextClassLoader();
        }
        Fory f = Fory.builder()
                .withLanguage(Language.JAVA)
                .requireClassRegistration(false)
                .withRefTracking(false)
                .withCompatibleMode(CompatibleMode.SCHEMA_CONSISTENT)
                .withClassLoader(loader)
                .withCodegen(withCodegen)
                .build();
        fory = f;
        codegen = withCodegen;
        out = MemoryBuffer.newHeapBuffer(256);
        in = MemoryBuffer.fromByteArray(new byte[0], 0, 0);
        scratch = new byte[256];
        return f;
    }

    /** The class this serializer was created for (values may be subclasses). */
    public Class<T> getType() {
        return type;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new ForySerializer<>(type);
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        if (from == null) {
            return null;
        }
        try {
            return type.cast(fory().copy(from));
        } catch (RuntimeException e) {
            return type.cast(withoutCodegen(e).copy(from));
        }
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        Fory f = fory();
        MemoryBuffer buf = out;
        buf.writerIndex(0);
        try {
            f.serialize(buf, record);
        } catch (RuntimeException e) {
            buf.writerIndex(0);
            withoutCodegen(e).serialize(buf, record);
        }
        int len = buf.writerIndex();
        VarInts.writeVarInt(len, target);
        target.write(buf.getHeapMemory(), 0, len);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(DataInputView source) throws IOException {
        Fory f = fory();
        int len = VarInts.readLength(source, "Fory payload of " + type.getName());
        byte[] bytes = scratch;
        if (bytes.length < len) {
            bytes = new byte[Math.max(len, bytes.length * 2)];
            scratch = bytes;
        }
        source.readFully(bytes, 0, len);
        MemoryBuffer buf = in;
        buf.pointTo(bytes, 0, len);
        buf.readerIndex(0);
        try {
            return (T) f.deserialize(buf);
        } catch (RuntimeException e) {
            Fory reflective = withoutCodegen(e);
            buf.pointTo(bytes, 0, len);
            buf.readerIndex(0);
            return (T) reflective.deserialize(buf);
        }
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int len = VarInts.readLength(source, "Fory payload of " + type.getName());
        VarInts.writeVarInt(len, target);
        target.write(source, len);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ForySerializer<?> other && other.type == type;
    }

    @Override
    public int hashCode() {
        return type.getName().hashCode();
    }

    @Override
    public String toString() {
        return "ForySerializer<" + type.getName() + ">";
    }
}
