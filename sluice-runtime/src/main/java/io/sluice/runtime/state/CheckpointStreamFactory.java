package io.sluice.runtime.state;

import java.io.IOException;

/** Opens streams for the snapshot data of one checkpoint of one task. Thread-safe. */
public interface CheckpointStreamFactory {
    CheckpointStateOutputStream createCheckpointStateOutputStream() throws IOException;
}
