package io.sluice.runtime.e2e.joins;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import io.sluice.api.eventtime.Watermark;
import java.util.Map;
import java.util.TreeMap;

/**
 * Discards the elements and opens {@link Gates gates} as its watermark passes their thresholds.
 * With parallelism 1 behind an operator, its watermark is the minimum of all that operator's
 * subtasks' output watermarks, so an open gate means every subtask has processed that watermark.
 */
final class WatermarkGateSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    /** Gate name to the watermark that opens it. */
    private final TreeMap<String, Long> thresholds = new TreeMap<>();

    /** Opens gate {@code name} once the sink's watermark is at least {@code watermark}. */
    WatermarkGateSink<T> opening(String name, long watermark) {
        thresholds.put(name, watermark);
        return this;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {}

            @Override
            public void writeWatermark(Watermark watermark) {
                for (Map.Entry<String, Long> e : thresholds.entrySet()) {
                    if (watermark.getTimestamp() >= e.getValue()) {
                        Gates.open(e.getKey());
                    }
                }
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
