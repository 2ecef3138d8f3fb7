package io.sluice.api.connector.sink;

import java.io.IOException;
import java.util.List;

/**
 * A writer with state of its own ({@link SupportsWriterState}), snapshotted at every checkpoint
 * (after {@link CommittingSinkWriter#prepareCommit()} when the sink has a committer) and handed to
 * {@link SupportsWriterState#restoreWriter} when the job restores that checkpoint. Task thread only.
 */
public interface StatefulSinkWriter<InputT, WriterStateT> extends SinkWriter<InputT> {
    List<WriterStateT> snapshotState(long checkpointId) throws IOException;
}
