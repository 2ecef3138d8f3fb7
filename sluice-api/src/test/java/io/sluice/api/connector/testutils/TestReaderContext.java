package io.sluice.api.connector.testutils;

import io.sluice.api.connector.source.SourceEvent;
import io.sluice.api.connector.source.SourceReaderContext;

/** A reader context that runs a callback on split requests and counts them. */
public final class TestReaderContext implements SourceReaderContext {
    private final int subtask;
    private final int parallelism;
    private final Runnable onSplitRequest;
    public int splitRequests;

    public TestReaderContext(int subtask, int parallelism, Runnable onSplitRequest) {
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.onSplitRequest = onSplitRequest;
    }

    public TestReaderContext() {
        this(0, 1, () -> {});
    }

    @Override
    public void sendSplitRequest() {
        splitRequests++;
        onSplitRequest.run();
    }

    @Override
    public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {}

    @Override
    public int getIndexOfSubtask() {
        return subtask;
    }

    @Override
    public int currentParallelism() {
        return parallelism;
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return getClass().getClassLoader();
    }
}
