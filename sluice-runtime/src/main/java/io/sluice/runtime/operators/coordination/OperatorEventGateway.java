package io.sluice.runtime.operators.coordination;

/** Lets an operator subtask send events to its coordinator. Call from the task thread. */
public interface OperatorEventGateway {
    void sendEventToCoordinator(OperatorEvent event);
}
