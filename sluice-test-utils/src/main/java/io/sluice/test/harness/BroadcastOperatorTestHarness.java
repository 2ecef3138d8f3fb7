package io.sluice.test.harness;

import io.sluice.api.functions.co.BroadcastProcessFunction;
import io.sluice.api.state.BroadcastState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.runtime.operators.CoBroadcastWithNonKeyedOperator;
import java.util.List;

/**
 * Drives a {@link BroadcastProcessFunction}: {@link #processElement} feeds the non-broadcast input,
 * {@link #processBroadcastElement} the broadcast input. See {@link AbstractStreamOperatorTestHarness}
 * for the life cycle, time, output, snapshot and restore.
 */
public class BroadcastOperatorTestHarness<IN1, IN2, OUT> extends TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> {
    private final CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT> broadcastOperator;

    /** One subtask of parallelism 1. */
    public BroadcastOperatorTestHarness(
            BroadcastProcessFunction<IN1, IN2, OUT> function, MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        this(function, 1, 1, 0, broadcastStateDescriptors);
    }

    public BroadcastOperatorTestHarness(
            BroadcastProcessFunction<IN1, IN2, OUT> function,
            int maxParallelism,
            int parallelism,
            int subtaskIndex,
            MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        this(
                new CoBroadcastWithNonKeyedOperator<>(function, List.of(broadcastStateDescriptors)),
                maxParallelism,
                parallelism,
                subtaskIndex);
    }

    private BroadcastOperatorTestHarness(
            CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT> operator,
            int maxParallelism,
            int parallelism,
            int subtaskIndex) {
        super(operator, List.of(), maxParallelism, parallelism, subtaskIndex);
        this.broadcastOperator = operator;
    }

    public void processElement(IN1 value, long timestamp) throws Exception {
        processElement1(value, timestamp);
    }

    public void processBroadcastElement(IN2 value, long timestamp) throws Exception {
        processElement2(value, timestamp);
    }

    /** The operator's broadcast state of {@code descriptor} (after {@code open()}). */
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) throws Exception {
        return broadcastOperator.getOperatorStateBackend().getBroadcastState(descriptor);
    }
}
