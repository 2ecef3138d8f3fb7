package io.sluice.api.connector.source.lib;

import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.io.SimpleVersionedSerializer;
import java.io.IOException;

/**
 * The single split of a {@link SocketTextSource}. It carries no position: a socket cannot be
 * rewound, so after a restore the reader connects again and reads what the server sends next.
 */
public record SocketSplit() implements SourceSplit {
    @Override
    public String splitId() {
        return "socket";
    }

    /** Writes nothing. Version 1. */
    public static final class Serializer implements SimpleVersionedSerializer<SocketSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(SocketSplit split) {
            return new byte[0];
        }

        @Override
        public SocketSplit deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("Unknown SocketSplit serializer version " + version);
            }
            return new SocketSplit();
        }
    }
}
