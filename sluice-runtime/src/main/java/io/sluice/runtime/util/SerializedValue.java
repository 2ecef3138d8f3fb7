package io.sluice.runtime.util;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A value held in Java-serialized form, deserialized with a given class loader (user code). The
 * job graph carries user functions this way so each subtask deserializes its own copy.
 */
public final class SerializedValue<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] bytes;

    private SerializedValue(byte[] bytes) {
        this.bytes = bytes;
    }

    public static <T> SerializedValue<T> of(T value) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bos)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not serialize " + describe(value) + ": " + e, e);
        }
        return new SerializedValue<>(bos.toByteArray());
    }

    public static <T> SerializedValue<T> fromBytes(byte[] bytes) {
        return new SerializedValue<>(bytes.clone());
    }

    public byte[] getBytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    @SuppressWarnings("unchecked")
    public T deserialize(ClassLoader loader) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return (T) in.readObject();
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerializedValue<?> other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Resolves classes through the given loader (the job's user-code loader). */
    public static final class ClassLoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        public ClassLoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (loader == null) {
                return super.resolveClass(desc);
            }
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
