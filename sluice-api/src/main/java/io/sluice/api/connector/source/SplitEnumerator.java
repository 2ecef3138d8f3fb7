package io.sluice.api.connector.source;

import io.sluice.api.state.CheckpointListener;
import java.util.List;

/**
 * Discovers splits and assigns them to readers. Runs on the JobMaster, on one coordinator thread
 * per source: no method is called concurrently.
 */
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT> extends AutoCloseable, CheckpointListener {
    void start();

    /** A reader asked for a split ({@link SourceReaderContext#sendSplitRequest()}). */
    void handleSplitRequest(int subtaskId, String requesterHostname);

    /** Splits assigned to a reader that failed before a checkpoint covered them come back. */
    void addSplitsBack(List<SplitT> splits, int subtaskId);

    /** A reader registered (its subtask started). */
    void addReader(int subtaskId);

    CheckpointT snapshotState(long checkpointId) throws Exception;

    default void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {}

    @Override
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}
}
