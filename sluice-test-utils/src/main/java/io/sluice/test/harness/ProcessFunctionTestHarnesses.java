package io.sluice.test.harness;

import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.ProcessFunction;
import io.sluice.api.functions.co.BroadcastProcessFunction;
import io.sluice.api.functions.co.CoProcessFunction;
import io.sluice.api.functions.co.KeyedBroadcastProcessFunction;
import io.sluice.api.functions.co.KeyedCoProcessFunction;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.runtime.operators.CoProcessOperator;
import io.sluice.runtime.operators.KeyedCoProcessOperator;
import io.sluice.runtime.operators.KeyedProcessOperator;
import io.sluice.runtime.operators.ProcessOperator;

/**
 * Harnesses for process functions, already open: wrap the function in the operator a job would run
 * it in, and feed it elements, watermarks and processing time.
 *
 * <pre>{@code
 * var harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new CountPerKey(), v -> v.f0, Types.STRING);
 * harness.processElement(Tuple2.of("a", 1), 10L);
 * assertThat(harness.extractOutputValues()).containsExactly(...);
 * }</pre>
 */
public final class ProcessFunctionTestHarnesses {
    private ProcessFunctionTestHarnesses() {}

    public static <IN, OUT> OneInputStreamOperatorTestHarness<IN, OUT> forProcessFunction(
            ProcessFunction<IN, OUT> function) throws Exception {
        OneInputStreamOperatorTestHarness<IN, OUT> harness =
                new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(function));
        harness.open();
        return harness;
    }

    public static <K, IN, OUT> KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> forKeyedProcessFunction(
            KeyedProcessFunction<K, IN, OUT> function, KeySelector<IN, K> keySelector, TypeInformation<K> keyType)
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), keySelector, keyType);
        harness.open();
        return harness;
    }

    public static <IN1, IN2, OUT> TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> forCoProcessFunction(
            CoProcessFunction<IN1, IN2, OUT> function) throws Exception {
        TwoInputStreamOperatorTestHarness<IN1, IN2, OUT> harness =
                new TwoInputStreamOperatorTestHarness<>(new CoProcessOperator<>(function));
        harness.open();
        return harness;
    }

    public static <K, IN1, IN2, OUT> KeyedTwoInputStreamOperatorTestHarness<K, IN1, IN2, OUT> forKeyedCoProcessFunction(
            KeyedCoProcessFunction<K, IN1, IN2, OUT> function,
            KeySelector<IN1, K> keySelector1,
            KeySelector<IN2, K> keySelector2,
            TypeInformation<K> keyType)
            throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<K, IN1, IN2, OUT> harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(function), keySelector1, keySelector2, keyType);
        harness.open();
        return harness;
    }

    /** An open harness for a {@link BroadcastProcessFunction} with the given broadcast states. */
    public static <IN1, IN2, OUT> BroadcastOperatorTestHarness<IN1, IN2, OUT> forBroadcastProcessFunction(
            BroadcastProcessFunction<IN1, IN2, OUT> function, MapStateDescriptor<?, ?>... descriptors)
            throws Exception {
        BroadcastOperatorTestHarness<IN1, IN2, OUT> harness = new BroadcastOperatorTestHarness<>(function, descriptors);
        harness.open();
        return harness;
    }

    /** An open harness for a {@link KeyedBroadcastProcessFunction} with the given broadcast states. */
    public static <K, IN1, IN2, OUT>
            KeyedBroadcastOperatorTestHarness<K, IN1, IN2, OUT> forKeyedBroadcastProcessFunction(
                    KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function,
                    KeySelector<IN1, K> keySelector,
                    TypeInformation<K> keyType,
                    MapStateDescriptor<?, ?>... descriptors)
                    throws Exception {
        KeyedBroadcastOperatorTestHarness<K, IN1, IN2, OUT> harness =
                new KeyedBroadcastOperatorTestHarness<>(function, keySelector, keyType, descriptors);
        harness.open();
        return harness;
    }
}
