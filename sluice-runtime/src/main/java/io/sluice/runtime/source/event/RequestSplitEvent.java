package io.sluice.runtime.source.event;

import io.sluice.runtime.operators.coordination.OperatorEvent;

/** A reader asks for a split ({@code SourceReaderContext.sendSplitRequest()}); {@code hostName} may be null. */
public record RequestSplitEvent(String hostName) implements OperatorEvent {}
