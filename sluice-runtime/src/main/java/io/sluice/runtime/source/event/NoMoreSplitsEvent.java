package io.sluice.runtime.source.event;

import io.sluice.runtime.operators.coordination.OperatorEvent;

/** Tells a reader that its enumerator will assign it no more splits. All instances are equal. */
public record NoMoreSplitsEvent() implements OperatorEvent {
    public static final NoMoreSplitsEvent INSTANCE = new NoMoreSplitsEvent();
}
