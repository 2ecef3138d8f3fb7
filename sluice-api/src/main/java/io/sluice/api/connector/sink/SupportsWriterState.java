package io.sluice.api.connector.sink;

import io.sluice.api.io.SimpleVersionedSerializer;
import java.io.IOException;
import java.util.Collection;

/**
 * A {@link Sink} whose writers keep state across failures. The runtime stores what
 * {@link StatefulSinkWriter#snapshotState} returns in operator list state (serialized with
 * {@link #getWriterStateSerializer()}); on restore each subtask gets a share of all subtasks' states
 * (its own when the parallelism is unchanged) through {@link #restoreWriter}. The writer created by
 * {@link Sink#createWriter} must be a {@link StatefulSinkWriter} too.
 */
public interface SupportsWriterState<InputT, WriterStateT> {
    StatefulSinkWriter<InputT, WriterStateT> restoreWriter(
            WriterInitContext context, Collection<WriterStateT> recoveredState) throws IOException;

    SimpleVersionedSerializer<WriterStateT> getWriterStateSerializer();
}
