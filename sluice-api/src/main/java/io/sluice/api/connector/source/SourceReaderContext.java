package io.sluice.api.connector.source;

/** What a reader can do besides emitting: ask for splits, talk to its enumerator. */
public interface SourceReaderContext {
    /** Asks the enumerator for a split ({@link SplitEnumerator#handleSplitRequest}). */
    void sendSplitRequest();

    void sendSourceEventToCoordinator(SourceEvent sourceEvent);

    int getIndexOfSubtask();

    int currentParallelism();

    ClassLoader getUserCodeClassLoader();
}
