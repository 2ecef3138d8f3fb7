package io.sluice.api.datastream;

import io.sluice.api.dag.OneInputTransformation;
import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.dag.OperatorSpec.AggregationKind;
import io.sluice.api.dag.PartitionTransformation;
import io.sluice.api.dag.PartitionTransformation.Kind;
import io.sluice.api.dag.PartitionTransformation.Partitioning;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.typeinfo.TypeExtractor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.windowing.assigners.GlobalWindows;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.CountEvictor;
import io.sluice.api.windowing.triggers.CountTrigger;
import io.sluice.api.windowing.triggers.PurgingTrigger;
import io.sluice.api.windowing.windows.GlobalWindow;
import io.sluice.api.windowing.windows.Window;

/**
 * A stream partitioned by key: operators applied to it see all elements of a key in one subtask,
 * in the order they arrived there, and keep per-key state.
 */
public class KeyedStream<T, K> extends DataStream<T> {
    private final KeySelector<T, K> keySelector;
    private final TypeInformation<K> keyType;

    public KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector) {
        this(
                input,
                keySelector,
                TypeExtractor.getOutputType(
                        keySelector, KeySelector.class, 1, new TypeInformation<?>[] {input.getType()}, "keyBy"));
    }

    public KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector, TypeInformation<K> keyType) {
        super(
                input.getExecutionEnvironment(),
                new PartitionTransformation<>(
                        input.getTransformation(), new Partitioning(Kind.HASH, keySelector, null)));
        this.keySelector = keySelector;
        this.keyType = keyType;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    public TypeInformation<K> getKeyType() {
        return keyType;
    }

    @Override
    protected void configureKeyed(OneInputTransformation<T, ?> t) {
        t.setKeyed(keySelector, keyType);
    }

    /** Processes each element with access to its key (and, with the event-time work, timers and keyed state). */
    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
        return process(
                function,
                TypeExtractor.getOutputType(function, KeyedProcessFunction.class, 2, inTypes(), "KeyedProcess"));
    }

    public <R> SingleOutputStreamOperator<R> process(
            KeyedProcessFunction<K, T, R> function, TypeInformation<R> outputType) {
        return transform(
                "KeyedProcess", outputType, new OperatorSpec.KeyedProcessSpec(requireFunction(function, "process")));
    }

    // ------------------------------------------------------------------ windows

    /** Cuts each key's elements into windows; see {@link WindowedStream}. */
    public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** Windows of {@code size} elements per key, fired and purged when full (Flink's countWindow). */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size) {
        return window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /** The last {@code size} elements per key, evaluated every {@code slide} elements. */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size, long slide) {
        return window(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
    }

    /** Rolling reduce: emits the key's new aggregate after every element. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return sameTypeOperator("Keyed Reduce", new OperatorSpec.ReduceSpec(requireFunction(reducer, "reduce")));
    }

    /** Rolling sum of a tuple/record field by position (or the value itself, position 0, for numbers). */
    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return aggregate(AggregationKind.SUM, positionToSum, null, true);
    }

    /** Rolling sum of a POJO/record field by name ("f1" for tuples). */
    public SingleOutputStreamOperator<T> sum(String field) {
        return aggregate(AggregationKind.SUM, -1, field, true);
    }

    /** Rolling minimum of a field; the other fields are those of the key's first element. */
    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return aggregate(AggregationKind.MIN, positionToMin, null, true);
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return aggregate(AggregationKind.MIN, -1, field, true);
    }

    /** Rolling maximum of a field; the other fields are those of the key's first element. */
    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return aggregate(AggregationKind.MAX, positionToMax, null, true);
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return aggregate(AggregationKind.MAX, -1, field, true);
    }

    /** The element with the smallest field value so far (the first of equal ones). */
    public SingleOutputStreamOperator<T> minBy(int positionToMinBy) {
        return aggregate(AggregationKind.MIN_BY, positionToMinBy, null, true);
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return aggregate(AggregationKind.MIN_BY, -1, field, true);
    }

    /** With {@code first == false}, the last of equal values wins. */
    public SingleOutputStreamOperator<T> minBy(int positionToMinBy, boolean first) {
        return aggregate(AggregationKind.MIN_BY, positionToMinBy, null, first);
    }

    public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
        return aggregate(AggregationKind.MIN_BY, -1, field, first);
    }

    /** The element with the largest field value so far (the first of equal ones). */
    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy) {
        return aggregate(AggregationKind.MAX_BY, positionToMaxBy, null, true);
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return aggregate(AggregationKind.MAX_BY, -1, field, true);
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy, boolean first) {
        return aggregate(AggregationKind.MAX_BY, positionToMaxBy, null, first);
    }

    public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
        return aggregate(AggregationKind.MAX_BY, -1, field, first);
    }

    private SingleOutputStreamOperator<T> aggregate(AggregationKind kind, int position, String field, boolean first) {
        TypeInformation<T> type = getType();
        // Validate the field now, so a typo fails where it is written, not at execute().
        FieldValidation.check(type, position, field);
        return sameTypeOperator(
                "Keyed Aggregation", new OperatorSpec.AggregationSpec(kind, position, field, first, type));
    }

    private SingleOutputStreamOperator<T> sameTypeOperator(String name, OperatorSpec spec) {
        OneInputTransformation<T, T> t =
                OneInputTransformation.sameType(transformation, name, spec, environment.getParallelism());
        configureKeyed(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
