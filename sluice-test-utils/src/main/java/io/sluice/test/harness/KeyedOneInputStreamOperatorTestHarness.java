package io.sluice.test.harness;

import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.runtime.operators.OneInputStreamOperator;
import java.util.List;

/**
 * Drives a one-input operator on a keyed stream: the operator gets a keyed state backend for its
 * subtask's key groups, and before each element the harness sets the element's key as the current
 * key, exactly as a task does. Keyed state, {@link #numKeyedStateEntries()} and (keyed) timers work.
 *
 * @param <K> the key type
 */
public class KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> extends OneInputStreamOperatorTestHarness<IN, OUT> {
    private final TypeInformation<K> keyType;

    /** One subtask of parallelism 1 with one key group, so it owns every key. */
    public KeyedOneInputStreamOperatorTestHarness(
            OneInputStreamOperator<IN, OUT> operator, KeySelector<IN, K> keySelector, TypeInformation<K> keyType) {
        this(operator, keySelector, keyType, 1, 1, 0);
    }

    /**
     * One subtask of a keyed operator with {@code parallelism} subtasks and {@code maxParallelism}
     * key groups. Elements whose key belongs to another subtask's key groups are rejected, as they
     * could never reach this subtask in a job.
     */
    public KeyedOneInputStreamOperatorTestHarness(
            OneInputStreamOperator<IN, OUT> operator,
            KeySelector<IN, K> keySelector,
            TypeInformation<K> keyType,
            int maxParallelism,
            int parallelism,
            int subtaskIndex) {
        super(operator, List.of(keySelector), maxParallelism, parallelism, subtaskIndex);
        this.keyType = keyType;
    }

    /** The operator a task would create for {@code spec} (keyed process, reduce, aggregation...). */
    public KeyedOneInputStreamOperatorTestHarness(
            OperatorSpec spec, KeySelector<IN, K> keySelector, TypeInformation<K> keyType) {
        this(
                AbstractStreamOperatorTestHarness.<OneInputStreamOperator<IN, OUT>>createOperator(
                        spec, OneInputStreamOperator.class),
                keySelector,
                keyType);
    }

    public TypeInformation<K> getKeyType() {
        return keyType;
    }
}
