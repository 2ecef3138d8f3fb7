package io.sluice.runtime.operators.coordination;

/** Implemented by operators that receive events from their coordinator; called on the task thread (through the mailbox). */
public interface OperatorEventHandler {
    void handleOperatorEvent(OperatorEvent event) throws Exception;
}
