package io.sluice.runtime.operators;

import io.sluice.api.util.Collector;
import io.sluice.runtime.streamrecord.StreamRecord;

/**
 * The collector handed to user functions: emits with the timestamp of the element being
 * processed, reusing one record object. Task thread only.
 */
public final class TimestampedCollector<T> implements Collector<T> {
    private final Output<T> output;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);

    public TimestampedCollector(Output<T> output) {
        this.output = output;
    }

    public void setTimestamp(StreamRecord<?> from) {
        reuse.copyTimestampFrom(from);
    }

    public void setAbsoluteTimestamp(long timestamp) {
        reuse.setTimestamp(timestamp);
    }

    public void eraseTimestamp() {
        reuse.eraseTimestamp();
    }

    @Override
    public void collect(T record) {
        output.collect(reuse.replace(record));
    }

    @Override
    public void close() {
        output.close();
    }
}
