package io.sluice.api.datastream;

import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.dag.TwoInputTransformation;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.co.BroadcastProcessFunction;
import io.sluice.api.functions.co.KeyedBroadcastProcessFunction;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.typeinfo.TypeExtractor;
import io.sluice.api.typeinfo.TypeInformation;
import java.util.List;

/**
 * A stream (keyed or not) connected with a {@link BroadcastStream}: {@code process} applies a
 * {@link BroadcastProcessFunction} (non-keyed stream) or a {@link KeyedBroadcastProcessFunction}
 * (keyed stream). Input 1 is the non-broadcast stream, input 2 the broadcast one.
 *
 * @param <IN1> the type of the non-broadcast stream
 * @param <IN2> the type of the broadcast stream
 */
public class BroadcastConnectedStream<IN1, IN2> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> nonBroadcastStream;
    private final BroadcastStream<IN2> broadcastStream;
    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;

    protected BroadcastConnectedStream(
            StreamExecutionEnvironment environment,
            DataStream<IN1> input1,
            BroadcastStream<IN2> input2,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        this.environment = environment;
        this.nonBroadcastStream = input1;
        this.broadcastStream = input2;
        this.broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public DataStream<IN1> getFirstInput() {
        return nonBroadcastStream;
    }

    public BroadcastStream<IN2> getSecondInput() {
        return broadcastStream;
    }

    public TypeInformation<IN1> getType1() {
        return nonBroadcastStream.getType();
    }

    public TypeInformation<IN2> getType2() {
        return broadcastStream.getType();
    }

    /** Processes a keyed stream with the broadcast stream; the output type is extracted from the function. */
    public <KEY, OUT> SingleOutputStreamOperator<OUT> process(
            KeyedBroadcastProcessFunction<KEY, IN1, IN2, OUT> function) {
        return process(
                function,
                TypeExtractor.getOutputType(
                        function, KeyedBroadcastProcessFunction.class, 3, inTypes(), "Co-Process-Broadcast-Keyed"));
    }

    /**
     * Processes a keyed stream with the broadcast stream.
     *
     * @throws IllegalStateException if the first input is not a {@link KeyedStream}
     */
    public <KEY, OUT> SingleOutputStreamOperator<OUT> process(
            KeyedBroadcastProcessFunction<KEY, IN1, IN2, OUT> function, TypeInformation<OUT> outTypeInfo) {
        DataStream.requireFunction(function, "process");
        if (!(nonBroadcastStream instanceof KeyedStream<IN1, ?> keyed)) {
            throw new IllegalStateException("A KeyedBroadcastProcessFunction can only be used on a keyed stream.");
        }
        TwoInputTransformation<IN1, IN2, OUT> t = transform(
                "Co-Process-Broadcast-Keyed",
                outTypeInfo,
                new OperatorSpec.KeyedBroadcastProcessSpec(function, broadcastStateDescriptors));
        // only input 1 is keyed: broadcast elements have no key
        t.setKeyed(keyed.getKeySelector(), null, keyed.getKeyType());
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /** Processes a non-keyed stream with the broadcast stream; the output type is extracted from the function. */
    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function) {
        return process(
                function,
                TypeExtractor.getOutputType(
                        function, BroadcastProcessFunction.class, 2, inTypes(), "Co-Process-Broadcast"));
    }

    /**
     * Processes a non-keyed stream with the broadcast stream.
     *
     * @throws IllegalStateException if the first input is a {@link KeyedStream}
     */
    public <OUT> SingleOutputStreamOperator<OUT> process(
            BroadcastProcessFunction<IN1, IN2, OUT> function, TypeInformation<OUT> outTypeInfo) {
        DataStream.requireFunction(function, "process");
        if (nonBroadcastStream instanceof KeyedStream<?, ?>) {
            throw new IllegalStateException("A BroadcastProcessFunction can only be used on a non-keyed stream.");
        }
        return new SingleOutputStreamOperator<>(
                environment,
                transform(
                        "Co-Process-Broadcast",
                        outTypeInfo,
                        new OperatorSpec.BroadcastProcessSpec(function, broadcastStateDescriptors)));
    }

    private TypeInformation<?>[] inTypes() {
        return new TypeInformation<?>[] {getType1(), getType2()};
    }

    private <OUT> TwoInputTransformation<IN1, IN2, OUT> transform(
            String name, TypeInformation<OUT> outputType, OperatorSpec spec) {
        return new TwoInputTransformation<>(
                nonBroadcastStream.getTransformation(),
                broadcastStream.getTransformation(),
                name,
                spec,
                outputType,
                environment.getParallelism());
    }
}
