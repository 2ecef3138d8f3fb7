package io.sluice.api.datastream;

import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.dag.OperatorSpec.AggregationKind;
import io.sluice.api.dag.OperatorSpec.WindowContents;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.Function;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.functions.RichFunction;
import io.sluice.api.functions.windowing.ProcessWindowFunction;
import io.sluice.api.functions.windowing.WindowFunction;
import io.sluice.api.typeinfo.TypeExtractor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.util.OutputTag;
import io.sluice.api.windowing.assigners.MergingWindowAssigner;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * A keyed stream cut into windows by a {@link WindowAssigner}: configure the trigger, evictor and
 * lateness, then give the function that evaluates each window (reduce, aggregate, apply, process).
 * Semantics are Flink's: an element's windows come from its timestamp (event time) or the clock
 * (processing time); an event-time window fires when the watermark passes its end and is dropped
 * {@code allowedLateness} later; results carry the timestamp {@code window.maxTimestamp()}.
 *
 * @param <T> the element type
 * @param <K> the key type
 * @param <W> the window type
 */
public class WindowedStream<T, K, W extends Window> {
    private final KeyedStream<T, K> input;
    private final WindowAssigner<? super T, W> assigner;
    private Trigger<? super T, ? super W> trigger;
    private Evictor<? super T, ? super W> evictor;
    private long allowedLateness;
    private OutputTag<T> lateDataOutputTag;

    public WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> windowAssigner) {
        this.input = Objects.requireNonNull(input, "input must not be null");
        this.assigner = Objects.requireNonNull(windowAssigner, "window assigner must not be null");
        this.trigger = windowAssigner.getDefaultTrigger();
    }

    /** Replaces the assigner's default trigger. */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        Objects.requireNonNull(trigger, "trigger must not be null");
        if (assigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
            throw new UnsupportedOperationException("A merging window assigner (" + assigner
                    + ") cannot be used with a trigger that does not support merging (" + trigger
                    + "): its canMerge() returns false.");
        }
        this.trigger = trigger;
        return this;
    }

    /**
     * Keeps event-time windows {@code lateness} after the watermark passed their end: elements
     * arriving in that time are added and the trigger decides again (EventTimeTrigger fires at
     * once). Default zero.
     */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        Objects.requireNonNull(lateness, "lateness must not be null");
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("The allowed lateness cannot be negative, was " + lateness);
        }
        this.allowedLateness = lateness.toMillis();
        return this;
    }

    /** Sends elements that arrive after their windows' cleanup time to this side output instead of dropping them. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
        this.lateDataOutputTag = Objects.requireNonNull(outputTag, "outputTag must not be null");
        return this;
    }

    /** Removes elements before and/or after the window function; the window then keeps every element. */
    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        this.evictor = Objects.requireNonNull(evictor, "evictor must not be null");
        return this;
    }

    // ------------------------------------------------------------------ reduce

    /** Reduces each window incrementally; emits the reduced value when the window fires. */
    // ------------------------------------------------------------------ field aggregations

    /** Per window, the sum of a field; the other fields are those of the window's first element. */
    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return fieldAggregation(AggregationKind.SUM, positionToSum, null, true);
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return fieldAggregation(AggregationKind.SUM, -1, field, true);
    }

    /** Per window, the minimum of a field; the other fields are those of the window's first element. */
    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return fieldAggregation(AggregationKind.MIN, positionToMin, null, true);
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return fieldAggregation(AggregationKind.MIN, -1, field, true);
    }

    /** Per window, the maximum of a field; the other fields are those of the window's first element. */
    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return fieldAggregation(AggregationKind.MAX, positionToMax, null, true);
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return fieldAggregation(AggregationKind.MAX, -1, field, true);
    }

    /** Per window, the element with the smallest value of a field (the first of equal ones). */
    public SingleOutputStreamOperator<T> minBy(int positionToMinBy) {
        return fieldAggregation(AggregationKind.MIN_BY, positionToMinBy, null, true);
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return fieldAggregation(AggregationKind.MIN_BY, -1, field, true);
    }

    /** With {@code first == false}, the last of equal values wins. */
    public SingleOutputStreamOperator<T> minBy(int positionToMinBy, boolean first) {
        return fieldAggregation(AggregationKind.MIN_BY, positionToMinBy, null, first);
    }

    public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
        return fieldAggregation(AggregationKind.MIN_BY, -1, field, first);
    }

    /** Per window, the element with the largest value of a field (the first of equal ones). */
    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy) {
        return fieldAggregation(AggregationKind.MAX_BY, positionToMaxBy, null, true);
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return fieldAggregation(AggregationKind.MAX_BY, -1, field, true);
    }

    /** With {@code first == false}, the last of equal values wins. */
    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy, boolean first) {
        return fieldAggregation(AggregationKind.MAX_BY, positionToMaxBy, null, first);
    }

    public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
        return fieldAggregation(AggregationKind.MAX_BY, -1, field, first);
    }

    private SingleOutputStreamOperator<T> fieldAggregation(
            AggregationKind kind, int position, String field, boolean first) {
        TypeInformation<T> type = input.getType();
        FieldValidation.check(type, position, field);
        return reduce(new FieldAggregator<>(
                kind,
                position,
                field,
                first,
                type,
                input.getExecutionEnvironment().getConfig()));
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        checkNotRich(function, "ReduceFunction of reduce");
        return build(WindowContents.REDUCE, function, null, null, input.getType());
    }

    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function) {
        return reduce(
                reduceFunction,
                function,
                TypeExtractor.getOutputType(
                        function,
                        WindowFunction.class,
                        1,
                        windowFunctionInputs(input.getType()),
                        "WindowedStream.reduce"));
    }

    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
        checkNotRich(reduceFunction, "ReduceFunction of reduce");
        return build(
                WindowContents.REDUCE,
                reduceFunction,
                DataStream.requireFunction(function, "reduce"),
                null,
                resultType);
    }

    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> function) {
        return reduce(
                reduceFunction,
                function,
                TypeExtractor.getOutputType(
                        function,
                        ProcessWindowFunction.class,
                        1,
                        windowFunctionInputs(input.getType()),
                        "WindowedStream.reduce"));
    }

    public <R> SingleOutputStreamOperator<R> reduce(
            ReduceFunction<T> reduceFunction,
            ProcessWindowFunction<T, R, K, W> function,
            TypeInformation<R> resultType) {
        checkNotRich(reduceFunction, "ReduceFunction of reduce");
        return build(
                WindowContents.REDUCE,
                reduceFunction,
                DataStream.requireFunction(function, "reduce"),
                null,
                resultType);
    }

    // ------------------------------------------------------------------ aggregate

    /** Aggregates each window incrementally; emits {@code getResult} of the accumulator when it fires. */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        TypeInformation<?>[] in = {input.getType(), null, null};
        return aggregate(
                function,
                TypeExtractor.getOutputType(function, AggregateFunction.class, 1, in, "WindowedStream.aggregate"),
                TypeExtractor.getOutputType(function, AggregateFunction.class, 2, in, "WindowedStream.aggregate"));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, R> function,
            TypeInformation<ACC> accumulatorType,
            TypeInformation<R> resultType) {
        checkNotRich(function, "AggregateFunction of aggregate");
        return build(WindowContents.AGGREGATE, function, null, accumulatorType, resultType);
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> aggregateFunction, WindowFunction<V, R, K, W> windowFunction) {
        TypeInformation<?>[] in = {input.getType(), null, null};
        TypeInformation<V> aggregateResultType = TypeExtractor.getOutputType(
                aggregateFunction, AggregateFunction.class, 2, in, "WindowedStream.aggregate");
        return aggregate(
                aggregateFunction,
                windowFunction,
                TypeExtractor.getOutputType(
                        aggregateFunction, AggregateFunction.class, 1, in, "WindowedStream.aggregate"),
                TypeExtractor.getOutputType(
                        windowFunction,
                        WindowFunction.class,
                        1,
                        windowFunctionInputs(aggregateResultType),
                        "WindowedStream.aggregate"));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> aggregateFunction,
            WindowFunction<V, R, K, W> windowFunction,
            TypeInformation<ACC> accumulatorType,
            TypeInformation<R> resultType) {
        checkNotRich(aggregateFunction, "AggregateFunction of aggregate");
        return build(
                WindowContents.AGGREGATE,
                aggregateFunction,
                DataStream.requireFunction(windowFunction, "aggregate"),
                accumulatorType,
                resultType);
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> aggregateFunction, ProcessWindowFunction<V, R, K, W> windowFunction) {
        TypeInformation<?>[] in = {input.getType(), null, null};
        TypeInformation<V> aggregateResultType = TypeExtractor.getOutputType(
                aggregateFunction, AggregateFunction.class, 2, in, "WindowedStream.aggregate");
        return aggregate(
                aggregateFunction,
                windowFunction,
                TypeExtractor.getOutputType(
                        aggregateFunction, AggregateFunction.class, 1, in, "WindowedStream.aggregate"),
                aggregateResultType,
                TypeExtractor.getOutputType(
                        windowFunction,
                        ProcessWindowFunction.class,
                        1,
                        windowFunctionInputs(aggregateResultType),
                        "WindowedStream.aggregate"));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(
            AggregateFunction<T, ACC, V> aggregateFunction,
            ProcessWindowFunction<V, R, K, W> windowFunction,
            TypeInformation<ACC> accumulatorType,
            TypeInformation<V> aggregateResultType,
            TypeInformation<R> resultType) {
        checkNotRich(aggregateFunction, "AggregateFunction of aggregate");
        return build(
                WindowContents.AGGREGATE,
                aggregateFunction,
                DataStream.requireFunction(windowFunction, "aggregate"),
                accumulatorType,
                resultType);
    }

    // ------------------------------------------------------------------ apply / process

    /** Keeps every element of a window and hands them all to {@code function} when it fires. */
    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
        return apply(
                function,
                TypeExtractor.getOutputType(
                        function,
                        WindowFunction.class,
                        1,
                        windowFunctionInputs(input.getType()),
                        "WindowedStream.apply"));
    }

    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
        return build(WindowContents.ITERABLE, null, DataStream.requireFunction(function, "apply"), null, resultType);
    }

    /** Keeps every element of a window and hands them all to {@code function} when it fires. */
    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        return process(
                function,
                TypeExtractor.getOutputType(
                        function,
                        ProcessWindowFunction.class,
                        1,
                        windowFunctionInputs(input.getType()),
                        "WindowedStream.process"));
    }

    public <R> SingleOutputStreamOperator<R> process(
            ProcessWindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
        return build(WindowContents.ITERABLE, null, DataStream.requireFunction(function, "process"), null, resultType);
    }

    // ------------------------------------------------------------------ internals

    public KeyedStream<T, K> getInputStream() {
        return input;
    }

    private TypeInformation<?>[] windowFunctionInputs(TypeInformation<?> elementType) {
        return new TypeInformation<?>[] {elementType, null, input.getKeyType(), null};
    }

    static void checkNotRich(Function function, String what) {
        DataStream.requireFunction(function, "window");
        if (function instanceof RichFunction) {
            throw new UnsupportedOperationException(what + " cannot be a RichFunction: it runs on every element"
                    + " without open()/close(); put rich logic into a WindowFunction or ProcessWindowFunction"
                    + " passed alongside it.");
        }
    }

    <R> SingleOutputStreamOperator<R> build(
            WindowContents contents,
            Function incrementalFunction,
            Function windowFunction,
            TypeInformation<?> accumulatorType,
            TypeInformation<R> resultType) {
        OperatorSpec spec = new OperatorSpec.WindowSpec(
                assigner,
                trigger,
                evictor,
                allowedLateness,
                lateDataOutputTag,
                contents,
                incrementalFunction,
                windowFunction,
                input.getType(),
                accumulatorType);
        return input.transform(operatorName(incrementalFunction, windowFunction), resultType, spec);
    }

    private String operatorName(Function incrementalFunction, Function windowFunction) {
        StringBuilder name = new StringBuilder(evictor == null ? "Window(" : "EvictingWindow(");
        name.append(assigner).append(", ").append(trigger);
        if (evictor != null) {
            name.append(", ").append(evictor);
        }
        for (Function f : new Function[] {incrementalFunction, windowFunction}) {
            if (f != null) {
                name.append(", ").append(f.getClass().getSimpleName());
            }
        }
        return name.append(')').toString();
    }
}
