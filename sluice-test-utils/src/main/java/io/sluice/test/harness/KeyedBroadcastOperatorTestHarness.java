package io.sluice.test.harness;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.co.KeyedBroadcastProcessFunction;
import io.sluice.api.state.BroadcastState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.runtime.operators.CoBroadcastWithKeyedOperator;
import java.util.List;

/**
 * Drives a {@link KeyedBroadcastProcessFunction}: {@link #processElement} feeds the keyed input
 * (the harness sets each element's key, as a task does), {@link #processBroadcastElement} the
 * broadcast input, which has no key. See {@link AbstractStreamOperatorTestHarness} for the life
 * cycle, time, output, snapshot and restore.
 *
 * @param <K> the key type of the keyed input
 */
public class KeyedBroadcastOperatorTestHarness<K, IN1, IN2, OUT>
        extends TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> {
    private final CoBroadcastWithKeyedOperator<K, IN1, IN2, OUT> broadcastOperator;
    private final TypeInformation<K> keyType;

    /** One subtask of parallelism 1 with one key group, so it owns every key. */
    public KeyedBroadcastOperatorTestHarness(
            KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function,
            KeySelector<IN1, K> keySelector,
            TypeInformation<K> keyType,
            MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        this(function, keySelector, keyType, 1, 1, 0, broadcastStateDescriptors);
    }

    public KeyedBroadcastOperatorTestHarness(
            KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function,
            KeySelector<IN1, K> keySelector,
            TypeInformation<K> keyType,
            int maxParallelism,
            int parallelism,
            int subtaskIndex,
            MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        this(
                new CoBroadcastWithKeyedOperator<>(function, List.of(broadcastStateDescriptors)),
                keySelector,
                keyType,
                maxParallelism,
                parallelism,
                subtaskIndex);
    }

    private KeyedBroadcastOperatorTestHarness(
            CoBroadcastWithKeyedOperator<K, IN1, IN2, OUT> operator,
            KeySelector<IN1, K> keySelector,
            TypeInformation<K> keyType,
            int maxParallelism,
            int parallelism,
            int subtaskIndex) {
        super(operator, List.of(keySelector), maxParallelism, parallelism, subtaskIndex);
        this.broadcastOperator = operator;
        this.keyType = keyType;
    }

    public void processElement(IN1 value, long timestamp) throws Exception {
        processElement1(value, timestamp);
    }

    public void processBroadcastElement(IN2 value, long timestamp) throws Exception {
        processElement2(value, timestamp);
    }

    /** The operator's broadcast state of {@code descriptor} (after {@code open()}). */
    public <KB, VB> BroadcastState<KB, VB> getBroadcastState(MapStateDescriptor<KB, VB> descriptor) throws Exception {
        return broadcastOperator.getOperatorStateBackend().getBroadcastState(descriptor);
    }

    public TypeInformation<K> getKeyType() {
        return keyType;
    }
}
