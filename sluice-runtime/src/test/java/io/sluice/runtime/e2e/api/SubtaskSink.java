package io.sluice.runtime.e2e.api;

import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test sink that remembers, per sink subtask and in arrival order, every element it received.
 *
 * <p>The embedded cluster runs in the test's JVM with the test's class loader, so the writers
 * (deserialized copies of this sink) append to a static registry under this sink's unique id, and
 * the test reads it after {@code execute()} returned. Each writer appends only to its own list
 * (its task thread); the lists are read after the job ended.
 */
public final class SubtaskSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Map<Integer, List<Object>>> RECEIVED = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    public SubtaskSink() {
        RECEIVED.put(id, new ConcurrentHashMap<>());
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        List<Object> list = Collections.synchronizedList(new ArrayList<>());
        if (RECEIVED.get(id).putIfAbsent(context.getSubtaskId(), list) != null) {
            throw new IllegalStateException("Subtask " + context.getSubtaskId() + " of SubtaskSink " + id
                    + " was created twice; these tests expect no restarts.");
        }
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) {
                list.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }

    /** Elements per sink subtask index, each list in arrival order; subtasks that got nothing are absent. */
    @SuppressWarnings("unchecked")
    public Map<Integer, List<T>> bySubtask() {
        Map<Integer, List<T>> result = new TreeMap<>();
        RECEIVED.get(id).forEach((subtask, list) -> {
            if (!list.isEmpty()) {
                result.put(subtask, new ArrayList<>((List<T>) list));
            }
        });
        return result;
    }

    /** All elements of all subtasks, in no defined order. */
    public List<T> all() {
        List<T> all = new ArrayList<>();
        bySubtask().values().forEach(all::addAll);
        return all;
    }

    /** Number of sink subtasks that were started (whether or not they received anything). */
    public int startedSubtasks() {
        return RECEIVED.get(id).size();
    }
}
