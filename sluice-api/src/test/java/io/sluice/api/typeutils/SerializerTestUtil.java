package io.sluice.api.typeutils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/** Round-trip helpers for serializer tests. */
public final class SerializerTestUtil {
    private SerializerTestUtil() {}

    public static <T> byte[] bytes(TypeSerializer<T> serializer, T value) {
        DataOutputSerializer out = new DataOutputSerializer(8);
        try {
            serializer.serialize(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.getCopyOfBuffer();
    }

    /** Serializes and deserializes; checks that exactly the written bytes were read. */
    public static <T> T roundTrip(TypeSerializer<T> serializer, T value) {
        byte[] b = bytes(serializer, value);
        DataInputDeserializer in = new DataInputDeserializer(b);
        try {
            T result = serializer.deserialize(in);
            if (in.available() != 0) {
                throw new AssertionError(in.available() + " bytes left unread of " + b.length);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Java-serialized and deserialized copy, as the serializer would travel in a job graph. */
    @SuppressWarnings("unchecked")
    public static <S> S javaCopy(S object) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (ObjectOutputStream oos = new ObjectOutputStream(bos)) {
                oos.writeObject(object);
            }
            try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(bos.toByteArray()))) {
                return (S) ois.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("Java serialization of " + object + " failed", e);
        }
    }
}
