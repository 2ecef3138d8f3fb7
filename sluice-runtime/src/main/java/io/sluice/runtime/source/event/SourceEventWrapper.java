package io.sluice.runtime.source.event;

import io.sluice.api.connector.source.SourceEvent;
import io.sluice.runtime.operators.coordination.OperatorEvent;

/** Carries a connector's own {@link SourceEvent} between its enumerator and a reader, either way. */
public record SourceEventWrapper(SourceEvent sourceEvent) implements OperatorEvent {}
