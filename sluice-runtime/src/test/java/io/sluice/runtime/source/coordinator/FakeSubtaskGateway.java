package io.sluice.runtime.source.coordinator;

import io.sluice.runtime.operators.coordination.OperatorCoordinator;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the events sent to one subtask. */
final class FakeSubtaskGateway implements OperatorCoordinator.SubtaskGateway {
    private final int subtask;
    final List<OperatorEvent> events = new CopyOnWriteArrayList<>();

    FakeSubtaskGateway(int subtask) {
        this.subtask = subtask;
    }

    @Override
    public CompletableFuture<Void> sendEvent(OperatorEvent event) {
        events.add(event);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public int getSubtask() {
        return subtask;
    }
}
