package io.sluice.test.harness;

import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.runtime.operators.TwoInputStreamOperator;
import java.util.List;

/**
 * Drives a two-input operator on keyed connected streams: before each element the harness sets its
 * key (from the key selector of its input) as the current key, exactly as a task does.
 *
 * @param <K> the key type, the same for both inputs
 */
public class KeyedTwoInputStreamOperatorTestHarness<K, IN1, IN2, OUT>
        extends TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> {
    private final TypeInformation<K> keyType;

    /** One subtask of parallelism 1 with one key group, so it owns every key. */
    public KeyedTwoInputStreamOperatorTestHarness(
            TwoInputStreamOperator<IN1, IN2, OUT> operator,
            KeySelector<IN1, K> keySelector1,
            KeySelector<IN2, K> keySelector2,
            TypeInformation<K> keyType) {
        this(operator, keySelector1, keySelector2, keyType, 1, 1, 0);
    }

    public KeyedTwoInputStreamOperatorTestHarness(
            TwoInputStreamOperator<IN1, IN2, OUT> operator,
            KeySelector<IN1, K> keySelector1,
            KeySelector<IN2, K> keySelector2,
            TypeInformation<K> keyType,
            int maxParallelism,
            int parallelism,
            int subtaskIndex) {
        super(operator, List.of(keySelector1, keySelector2), maxParallelism, parallelism, subtaskIndex);
        this.keyType = keyType;
    }

    /** The operator a task would create for {@code spec} (keyed coProcess). */
    public KeyedTwoInputStreamOperatorTestHarness(
            OperatorSpec spec,
            KeySelector<IN1, K> keySelector1,
            KeySelector<IN2, K> keySelector2,
            TypeInformation<K> keyType) {
        this(
                AbstractStreamOperatorTestHarness.<TwoInputStreamOperator<IN1, IN2, OUT>>createOperator(
                        spec, TwoInputStreamOperator.class),
                keySelector1,
                keySelector2,
                keyType);
    }

    public TypeInformation<K> getKeyType() {
        return keyType;
    }
}
