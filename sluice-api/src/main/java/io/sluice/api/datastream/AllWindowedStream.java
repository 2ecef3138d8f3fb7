package io.sluice.api.datastream;

import io.sluice.api.dag.OperatorSpec.WindowContents;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.functions.windowing.AllWindowFunction;
import io.sluice.api.functions.windowing.ProcessAllWindowFunction;
import io.sluice.api.typeinfo.TypeExtractor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.OutputTag;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.Window;
import java.time.Duration;

/**
 * Windows over a whole (non-keyed) stream: the same window operator as {@link WindowedStream},
 * keyed by a constant, so it always runs with parallelism 1.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public class AllWindowedStream<T, W extends Window> {
    private final WindowedStream<T, Byte, W> windowed;
    private final TypeInformation<T> inputType;

    public AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> windowAssigner) {
        this.inputType = input.getType();
        this.windowed = new WindowedStream<>(input.keyBy(new NullByteKeySelector<>(), Types.BYTE), windowAssigner);
    }

    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        windowed.trigger(trigger);
        return this;
    }

    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        windowed.allowedLateness(lateness);
        return this;
    }

    public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> outputTag) {
        windowed.sideOutputLateData(outputTag);
        return this;
    }

    public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
        windowed.evictor(evictor);
        return this;
    }

    // ------------------------------------------------------------------ field aggregations

    /** Per window over all elements, the sum of a field; the other fields are those of the window's first element. */
    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return nonParallel(windowed.sum(positionToSum));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return nonParallel(windowed.sum(field));
    }

    /** Per window over all elements, the minimum of a field; the other fields are those of the window's first element. */
    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return nonParallel(windowed.min(positionToMin));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return nonParallel(windowed.min(field));
    }

    /** Per window over all elements, the maximum of a field; the other fields are those of the window's first element. */
    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return nonParallel(windowed.max(positionToMax));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return nonParallel(windowed.max(field));
    }

    /** Per window over all elements, the element with the smallest value of a field (the first of equal ones). */
    public SingleOutputStreamOperator<T> minBy(int positionToMinBy) {
        return nonParallel(windowed.minBy(positionToMinBy));
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return nonParallel(windowed.minBy(field));
    }

    /** With {@code first == false}, the last of equal values wins. */
    public SingleOutputStreamOperator<T> minBy(int positionToMinBy, boolean first) {
        return nonParallel(windowed.minBy(positionToMinBy, first));
    }

    public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
        return nonParallel(windowed.minBy(field, first));
    }

    /** Per window over all elements, the element with the largest value of a field (the first of equal ones). */
    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy) {
        return nonParallel(windowed.maxBy(positionToMaxBy));
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return nonParallel(windowed.maxBy(field));
    }

    /** With {@code first == false}, the last of equal values wins. */
    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy, boolean first) {
        return nonParallel(windowed.maxBy(positionToMaxBy, first));
    }

    public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
        return nonParallel(windowed.maxBy(field, first));
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        WindowedStream.checkNotRich(function, "ReduceFunction of reduce");
        return nonParallel(windowed.build(WindowContents.REDUCE, function, null, null, inputType));
    }

    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reduceFunction, AllWindowFunction<T, R, W> function) {
        return reduce(reduceFunction, function, allWindowOutput(function, AllWindowFunction.class, inputType));
    }

    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reduceFunction, AllWindowFunction<T, R, W> function, TypeInformation<R> resultType) {
        WindowedStream.checkNotRich(reduceFunction, "ReduceFunction of reduce");
        return nonParallel(windowed.build(
                WindowContents.REDUCE,
                reduceFunction,
                DataStream.requireFunction(function, "reduce"),
                null,
                resultType));
    }

    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reduceFunction, ProcessAllWindowFunction<T, R, W> function) {
        return reduce(reduceFunction, function, allWindowOutput(function, ProcessAllWindowFunction.class, inputType));
    }

    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reduceFunction,
            ProcessAllWindowFunction<T, R, W> function,
            TypeInformation<R> resultType) {
        WindowedStream.checkNotRich(reduceFunction, "ReduceFunction of reduce");
        return nonParallel(windowed.build(
                WindowContents.REDUCE,
                reduceFunction,
                DataStream.requireFunction(function, "reduce"),
                null,
                resultType));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        TypeInformation<?>[] in = {inputType, null, null};
        return aggregate(
                function,
                TypeExtractor.getOutputType(function, AggregateFunction.class, 1, in, "AllWindowedStream.aggregate"),
                TypeExtractor.getOutputType(function, AggregateFunction.class, 2, in, "AllWindowedStream.aggregate"));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, R> function,
            TypeInformation<ACC> accumulatorType,
            TypeInformation<R> resultType) {
        WindowedStream.checkNotRich(function, "AggregateFunction of aggregate");
        return nonParallel(windowed.build(WindowContents.AGGREGATE, function, null, accumulatorType, resultType));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> aggregateFunction, AllWindowFunction<V, R, W> windowFunction) {
        TypeInformation<?>[] in = {inputType, null, null};
        TypeInformation<V> aggregateResultType = TypeExtractor.getOutputType(
                aggregateFunction, AggregateFunction.class, 2, in, "AllWindowedStream.aggregate");
        return aggregate(
                aggregateFunction,
                windowFunction,
                TypeExtractor.getOutputType(
                        aggregateFunction, AggregateFunction.class, 1, in, "AllWindowedStream.aggregate"),
                allWindowOutput(windowFunction, AllWindowFunction.class, aggregateResultType));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> aggregateFunction,
            AllWindowFunction<V, R, W> windowFunction,
            TypeInformation<ACC> accumulatorType,
            TypeInformation<R> resultType) {
        WindowedStream.checkNotRich(aggregateFunction, "AggregateFunction of aggregate");
        return nonParallel(windowed.build(
                WindowContents.AGGREGATE,
                aggregateFunction,
                DataStream.requireFunction(windowFunction, "aggregate"),
                accumulatorType,
                resultType));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> aggregateFunction, ProcessAllWindowFunction<V, R, W> windowFunction) {
        TypeInformation<?>[] in = {inputType, null, null};
        TypeInformation<V> aggregateResultType = TypeExtractor.getOutputType(
                aggregateFunction, AggregateFunction.class, 2, in, "AllWindowedStream.aggregate");
        return aggregate(
                aggregateFunction,
                windowFunction,
                TypeExtractor.getOutputType(
                        aggregateFunction, AggregateFunction.class, 1, in, "AllWindowedStream.aggregate"),
                aggregateResultType,
                allWindowOutput(windowFunction, ProcessAllWindowFunction.class, aggregateResultType));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> aggregateFunction,
            ProcessAllWindowFunction<V, R, W> windowFunction,
            TypeInformation<ACC> accumulatorType,
            TypeInformation<V> aggregateResultType,
            TypeInformation<R> resultType) {
        WindowedStream.checkNotRich(aggregateFunction, "AggregateFunction of aggregate");
        return nonParallel(windowed.build(
                WindowContents.AGGREGATE,
                aggregateFunction,
                DataStream.requireFunction(windowFunction, "aggregate"),
                accumulatorType,
                resultType));
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
        return apply(function, allWindowOutput(function, AllWindowFunction.class, inputType));
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function, TypeInformation<R> resultType) {
        return nonParallel(windowed.build(
                WindowContents.ITERABLE, null, DataStream.requireFunction(function, "apply"), null, resultType));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        return process(function, allWindowOutput(function, ProcessAllWindowFunction.class, inputType));
    }

    public <R> SingleOutputStreamOperator<R> process(
            ProcessAllWindowFunction<T, R, W> function, TypeInformation<R> resultType) {
        return nonParallel(windowed.build(
                WindowContents.ITERABLE, null, DataStream.requireFunction(function, "process"), null, resultType));
    }

    private static <R> TypeInformation<R> allWindowOutput(
            io.sluice.api.functions.Function function, Class<?> functionClass, TypeInformation<?> elementType) {
        return TypeExtractor.getOutputType(
                function, functionClass, 1, new TypeInformation<?>[] {elementType, null, null}, "AllWindowedStream");
    }

    private static <R> SingleOutputStreamOperator<R> nonParallel(SingleOutputStreamOperator<R> operator) {
        return operator.setParallelism(1).setMaxParallelism(1);
    }
}
