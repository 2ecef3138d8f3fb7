package io.sluice.runtime.e2e.eventtime;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import io.sluice.api.eventtime.Watermark;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sink (run it with parallelism 1) that writes down, in arrival order, every watermark it sees
 * and every record with its timestamp. The tasks run in the test's JVM, so the writer appends to a
 * static registry the test reads while the job runs.
 */
final class EventTimeSink implements Sink<Long> {
    private static final long serialVersionUID = 1L;
    private static final ConcurrentHashMap<String, List<Long>> WATERMARKS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, List<String>> RECORDS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    EventTimeSink() {
        WATERMARKS.put(id, Collections.synchronizedList(new ArrayList<>()));
        RECORDS.put(id, Collections.synchronizedList(new ArrayList<>()));
    }

    /** A copy of the watermarks seen so far. */
    List<Long> watermarks() {
        List<Long> list = WATERMARKS.get(id);
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** A copy of the records seen so far, as {@code value@timestamp} (or {@code value@none}). */
    List<String> records() {
        List<String> list = RECORDS.get(id);
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
        List<Long> watermarks = WATERMARKS.get(id);
        List<String> records = RECORDS.get(id);
        return new SinkWriter<>() {
            @Override
            public void write(Long element, Context ctx) {
                records.add(element + "@" + (ctx.timestamp() == null ? "none" : ctx.timestamp()));
            }

            @Override
            public void writeWatermark(Watermark watermark) {
                watermarks.add(watermark.getTimestamp());
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
