package io.sluice.api.datastream;

import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.dag.TwoInputTransformation;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.co.CoFlatMapFunction;
import io.sluice.api.functions.co.CoMapFunction;
import io.sluice.api.functions.co.CoProcessFunction;
import io.sluice.api.functions.co.KeyedCoProcessFunction;
import io.sluice.api.typeinfo.TypeExtractor;
import io.sluice.api.typeinfo.TypeInformation;

/**
 * Two streams, possibly of different types, processed by one operator that sees both (and may
 * share state between them). Elements of the two inputs interleave in arrival order.
 */
public class ConnectedStreams<IN1, IN2> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> input1;
    private final DataStream<IN2> input2;

    public ConnectedStreams(StreamExecutionEnvironment environment, DataStream<IN1> input1, DataStream<IN2> input2) {
        this.environment = environment;
        this.input1 = input1;
        this.input2 = input2;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public DataStream<IN1> getFirstInput() {
        return input1;
    }

    public DataStream<IN2> getSecondInput() {
        return input2;
    }

    public TypeInformation<IN1> getType1() {
        return input1.getType();
    }

    public TypeInformation<IN2> getType2() {
        return input2.getType();
    }

    /** Partitions both inputs by key, so elements with equal keys meet in one subtask. */
    public <K> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2) {
        return new ConnectedStreams<>(environment, input1.keyBy(keySelector1), input2.keyBy(keySelector2));
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper) {
        return map(coMapper, TypeExtractor.getOutputType(coMapper, CoMapFunction.class, 2, inTypes(), "Co-Map"));
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper, TypeInformation<R> outputType) {
        return transform("Co-Map", outputType, new OperatorSpec.CoMapSpec(DataStream.requireFunction(coMapper, "map")));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper) {
        return flatMap(
                coFlatMapper,
                TypeExtractor.getOutputType(coFlatMapper, CoFlatMapFunction.class, 2, inTypes(), "Co-Flat Map"));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(
            CoFlatMapFunction<IN1, IN2, R> coFlatMapper, TypeInformation<R> outputType) {
        return transform(
                "Co-Flat Map",
                outputType,
                new OperatorSpec.CoFlatMapSpec(DataStream.requireFunction(coFlatMapper, "flatMap")));
    }

    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> coProcessFunction) {
        return process(
                coProcessFunction,
                TypeExtractor.getOutputType(coProcessFunction, CoProcessFunction.class, 2, inTypes(), "Co-Process"));
    }

    public <R> SingleOutputStreamOperator<R> process(
            CoProcessFunction<IN1, IN2, R> coProcessFunction, TypeInformation<R> outputType) {
        return transform(
                "Co-Process",
                outputType,
                new OperatorSpec.CoProcessSpec(DataStream.requireFunction(coProcessFunction, "process")));
    }

    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> keyedCoProcessFunction) {
        return process(
                keyedCoProcessFunction,
                TypeExtractor.getOutputType(
                        keyedCoProcessFunction, KeyedCoProcessFunction.class, 3, inTypes(), "KeyedCo-Process"));
    }

    public <K, R> SingleOutputStreamOperator<R> process(
            KeyedCoProcessFunction<K, IN1, IN2, R> keyedCoProcessFunction, TypeInformation<R> outputType) {
        if (!(input1 instanceof KeyedStream<?, ?>) || !(input2 instanceof KeyedStream<?, ?>)) {
            throw new UnsupportedOperationException(
                    "A KeyedCoProcessFunction needs keyed inputs: call keyBy(...) on the connected streams first.");
        }
        return transform(
                "KeyedCo-Process",
                outputType,
                new OperatorSpec.KeyedCoProcessSpec(DataStream.requireFunction(keyedCoProcessFunction, "process")));
    }

    private TypeInformation<?>[] inTypes() {
        return new TypeInformation<?>[] {input1.getType(), input2.getType()};
    }

    private <R> SingleOutputStreamOperator<R> transform(String name, TypeInformation<R> outputType, OperatorSpec spec) {
        TwoInputTransformation<IN1, IN2, R> t = new TwoInputTransformation<>(
                input1.getTransformation(),
                input2.getTransformation(),
                name,
                spec,
                outputType,
                environment.getParallelism());
        if (input1 instanceof KeyedStream<IN1, ?> k1 && input2 instanceof KeyedStream<IN2, ?> k2) {
            TypeInformation<?> kt1 = k1.getKeyType();
            TypeInformation<?> kt2 = k2.getKeyType();
            if (kt1 != null
                    && kt2 != null
                    && !(kt1 instanceof io.sluice.api.typeinfo.MissingTypeInfo)
                    && !(kt2 instanceof io.sluice.api.typeinfo.MissingTypeInfo)
                    && !kt1.equals(kt2)) {
                throw new IllegalArgumentException(
                        "The keys of connected keyed streams must have the same type, were " + kt1 + " and " + kt2);
            }
            t.setKeyed(k1.getKeySelector(), k2.getKeySelector(), kt1);
        }
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
