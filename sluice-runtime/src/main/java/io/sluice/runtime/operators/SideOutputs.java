package io.sluice.runtime.operators;

import io.sluice.api.util.OutputTag;
import io.sluice.runtime.streamrecord.StreamRecord;

/** Emits side-output elements with the current element's timestamp, reusing one record. Task thread only. */
final class SideOutputs {
    private final Output<?> output;
    private final StreamRecord<Object> reuse = new StreamRecord<>(null);

    SideOutputs(Output<?> output) {
        this.output = output;
    }

    <X> void emit(OutputTag<X> tag, X value, StreamRecord<?> current) {
        if (current != null) {
            reuse.copyTimestampFrom(current);
        } else {
            reuse.eraseTimestamp();
        }
        emit(tag, value);
    }

    /** Emits with {@code timestamp}, or without one if it is null. */
    <X> void emit(OutputTag<X> tag, X value, Long timestamp) {
        if (timestamp != null) {
            reuse.setTimestamp(timestamp);
        } else {
            reuse.eraseTimestamp();
        }
        emit(tag, value);
    }

    @SuppressWarnings("unchecked")
    private <X> void emit(OutputTag<X> tag, X value) {
        if (tag == null) {
            throw new IllegalArgumentException("OutputTag must not be null.");
        }
        output.collect(tag, (StreamRecord<X>) reuse.replace(value));
    }
}
