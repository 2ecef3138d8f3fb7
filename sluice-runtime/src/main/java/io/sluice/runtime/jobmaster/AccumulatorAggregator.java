package io.sluice.runtime.jobmaster;

import io.sluice.api.accumulators.Accumulator;
import io.sluice.runtime.util.SerializedValue;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the accumulators the subtasks report with FINISHED, by name. Accumulators of one name must
 * have one class. Owned by the JobMaster's main thread.
 */
final class AccumulatorAggregator {
    private final TreeMap<String, Accumulator<Object, Serializable>> merged = new TreeMap<>();

    /** Adds one subtask's accumulators; fails naming the task and accumulator on a bad value or class mismatch. */
    @SuppressWarnings("unchecked")
    void add(String taskName, SerializedValue<Map<String, Object>> serialized, ClassLoader userCodeClassLoader) {
        if (serialized == null) {
            return;
        }
        Map<String, Object> accumulators;
        try {
            accumulators = serialized.deserialize(userCodeClassLoader);
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException(
                    "Could not deserialize the accumulators reported by task '" + taskName + "': " + e, e);
        }
        for (Map.Entry<String, Object> e : accumulators.entrySet()) {
            if (!(e.getValue() instanceof Accumulator<?, ?> raw)) {
                throw new IllegalStateException("Accumulator '" + e.getKey() + "' reported by task '" + taskName
                        + "' is a "
                        + (e.getValue() == null
                                ? "null"
                                : e.getValue().getClass().getName())
                        + ", not an io.sluice.api.accumulators.Accumulator");
            }
            Accumulator<Object, Serializable> acc = (Accumulator<Object, Serializable>) raw;
            Accumulator<Object, Serializable> existing = merged.get(e.getKey());
            if (existing == null) {
                merged.put(e.getKey(), acc);
            } else if (existing.getClass() != acc.getClass()) {
                throw new IllegalStateException("Accumulator '" + e.getKey() + "' is a "
                        + existing.getClass().getName() + " in one task but a "
                        + acc.getClass().getName()
                        + " in task '" + taskName + "'; use one accumulator class per name");
            } else {
                existing.merge(acc);
            }
        }
    }

    /** Name to merged result value ({@code getLocalValue()}), in name order. */
    SerializedValue<Map<String, Object>> results() {
        TreeMap<String, Object> values = new TreeMap<>();
        merged.forEach((name, acc) -> values.put(name, acc.getLocalValue()));
        return SerializedValue.of(values);
    }
}
