package io.sluice.runtime.operators.windowing;

import io.sluice.api.util.Collector;
import io.sluice.runtime.operators.Output;
import io.sluice.runtime.streamrecord.StreamRecord;

/** Emits a window's results with its timestamp ({@code maxTimestamp()}), reusing one record. Task thread only. */
final class WindowCollector<T> implements Collector<T> {
    private final Output<T> output;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);
    private long timestamp;

    WindowCollector(Output<T> output) {
        this.output = output;
    }

    void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public void collect(T record) {
        output.collect(reuse.replace(record, timestamp));
    }

    @Override
    public void close() {
        output.close();
    }
}
