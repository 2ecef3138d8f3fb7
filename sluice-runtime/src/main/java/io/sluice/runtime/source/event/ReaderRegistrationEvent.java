package io.sluice.runtime.source.event;

import io.sluice.runtime.operators.coordination.OperatorEvent;

/** Sent once by a source reader when it starts: subtask {@code subtaskId} runs on host {@code location}. */
public record ReaderRegistrationEvent(int subtaskId, String location) implements OperatorEvent {}
