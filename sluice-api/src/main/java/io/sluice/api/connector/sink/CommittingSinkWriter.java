package io.sluice.api.connector.sink;

import java.io.IOException;
import java.util.Collection;

/**
 * A writer of a two-phase-commit sink ({@link SupportsCommitter}). Before each checkpoint's
 * barrier (and once more at the end of input, after {@code flush(true)}) the runtime calls
 * {@link #prepareCommit()}: the writer closes what it wants to publish and returns it as
 * committables. They go into the checkpoint, and the sink's {@link Committer} publishes them once
 * that checkpoint is complete. Task thread only.
 */
public interface CommittingSinkWriter<InputT, CommT> extends SinkWriter<InputT> {
    /**
     * Prepares everything written since the last call for commit. Must not make anything visible to
     * readers: that is the committer's job.
     */
    Collection<CommT> prepareCommit() throws IOException, InterruptedException;
}
