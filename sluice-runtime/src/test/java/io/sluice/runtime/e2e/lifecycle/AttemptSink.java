package io.sluice.runtime.e2e.lifecycle;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A sink that keeps what each attempt of the job wrote apart, by the attempt number of its writer:
 * after restarts only the last attempt's records are the job's output (there is no state and no
 * exactly-once sink yet). Tasks run in the test's JVM, so the records go to a static map under the
 * test's own name; {@link #reset} it first.
 */
final class AttemptSink implements Sink<Long> {
    private static final long serialVersionUID = 1L;
    private static final ConcurrentHashMap<String, ConcurrentHashMap<Integer, ConcurrentLinkedQueue<Long>>> OUTPUTS =
            new ConcurrentHashMap<>();

    private final String name;

    private AttemptSink(String name) {
        this.name = name;
    }

    /** A sink writing under a fresh, empty {@code name}. */
    static AttemptSink reset(String name) {
        OUTPUTS.put(name, new ConcurrentHashMap<>());
        return new AttemptSink(name);
    }

    /** Attempt number to the sorted records the writers of that attempt received. */
    static Map<Integer, List<Long>> outputs(String name) {
        Map<Integer, List<Long>> sorted = new TreeMap<>();
        OUTPUTS.get(name).forEach((attempt, records) -> {
            List<Long> list = new ArrayList<>(records);
            Collections.sort(list);
            sorted.put(attempt, list);
        });
        return sorted;
    }

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
        ConcurrentLinkedQueue<Long> out =
                OUTPUTS.get(name).computeIfAbsent(context.getAttemptNumber(), a -> new ConcurrentLinkedQueue<>());
        return new SinkWriter<>() {
            @Override
            public void write(Long element, Context ctx) {
                out.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
