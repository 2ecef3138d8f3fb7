package io.sluice.api.io;

import java.io.IOException;

/** Serializes splits and enumerator checkpoints with a version, so old bytes stay readable. */
public interface SimpleVersionedSerializer<E> {
    int getVersion();

    byte[] serialize(E obj) throws IOException;

    E deserialize(int version, byte[] serialized) throws IOException;
}
