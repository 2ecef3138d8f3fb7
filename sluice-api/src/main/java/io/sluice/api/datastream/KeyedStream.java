package io.sluice.api.datastream;

import io.sluice.api.dag.OneInputTransformation;
import io.sluice.api.dag.OperatorSpec;
import io.sluice.api.dag.OperatorSpec.AggregationKind;
import io.sluice.api.dag.PartitionTransformation;
import io.sluice.api.dag.PartitionTransformation.Kind;
import io.sluice.api.dag.PartitionTransformation.Partitioning;
import io.sluice.api.dag.TwoInputTransformation;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.functions.co.ProcessJoinFunction;
import io.sluice.api.typeinfo.MissingTypeInfo;
import io.sluice.api.typeinfo.TypeExtractor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.util.OutputTag;
import io.sluice.api.windowing.assigners.GlobalWindows;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.CountEvictor;
import io.sluice.api.windowing.triggers.CountTrigger;
import io.sluice.api.windowing.triggers.PurgingTrigger;
import io.sluice.api.windowing.windows.GlobalWindow;
import io.sluice.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

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
        return sameTypeOperator(
                "Keyed Reduce", new OperatorSpec.ReduceSpec(requireFunction(reducer, "reduce"), getType()));
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

    // ------------------------------------------------------------------ interval join

    /**
     * Joins this stream (left) with another keyed stream (right) over event-time intervals: a left
     * element at {@code t} meets every right element of its key whose timestamp lies in {@code [t +
     * lower, t + upper]}, as set by {@link IntervalJoin#between}. Both inputs need timestamps.
     */
    public <T1> IntervalJoin<T, T1, K> intervalJoin(KeyedStream<T1, K> otherStream) {
        return new IntervalJoin<>(this, Objects.requireNonNull(otherStream, "intervalJoin needs a stream"));
    }

    /** An interval join whose bounds are not set yet; only event time is supported. */
    public static class IntervalJoin<T1, T2, KEY> {
        private final KeyedStream<T1, KEY> streamOne;
        private final KeyedStream<T2, KEY> streamTwo;
        private boolean eventTime = true;

        IntervalJoin(KeyedStream<T1, KEY> streamOne, KeyedStream<T2, KEY> streamTwo) {
            this.streamOne = streamOne;
            this.streamTwo = streamTwo;
        }

        /** Joins by event time (the default, and the only time the bounds are defined in). */
        public IntervalJoin<T1, T2, KEY> inEventTime() {
            eventTime = true;
            return this;
        }

        /** Accepted for Flink compatibility; {@link #between} then fails, as in Flink. */
        public IntervalJoin<T1, T2, KEY> inProcessingTime() {
            eventTime = false;
            return this;
        }

        /**
         * Joins a left element at {@code t} with the right elements in {@code [t + lowerBound, t +
         * upperBound]}; both bounds inclusive until made exclusive on the result.
         */
        public IntervalJoined<T1, T2, KEY> between(Duration lowerBound, Duration upperBound) {
            if (!eventTime) {
                throw new UnsupportedOperationException("Time-bounded stream joins are only supported in event time");
            }
            Objects.requireNonNull(lowerBound, "A lower bound needs to be provided for a time-bounded join");
            Objects.requireNonNull(upperBound, "An upper bound needs to be provided for a time-bounded join");
            return new IntervalJoined<>(streamOne, streamTwo, lowerBound.toMillis(), upperBound.toMillis());
        }
    }

    /** An interval join with its bounds: configure exclusiveness and late data, then {@link #process}. */
    public static class IntervalJoined<IN1, IN2, KEY> {
        private final KeyedStream<IN1, KEY> left;
        private final KeyedStream<IN2, KEY> right;
        private final long lowerBound;
        private final long upperBound;
        private boolean lowerBoundInclusive = true;
        private boolean upperBoundInclusive = true;
        private OutputTag<IN1> leftLateDataOutputTag;
        private OutputTag<IN2> rightLateDataOutputTag;

        IntervalJoined(KeyedStream<IN1, KEY> left, KeyedStream<IN2, KEY> right, long lowerBound, long upperBound) {
            this.left = left;
            this.right = right;
            this.lowerBound = lowerBound;
            this.upperBound = upperBound;
        }

        /** A right element exactly at {@code t + lowerBound} no longer matches. */
        public IntervalJoined<IN1, IN2, KEY> lowerBoundExclusive() {
            lowerBoundInclusive = false;
            return this;
        }

        /** A right element exactly at {@code t + upperBound} no longer matches. */
        public IntervalJoined<IN1, IN2, KEY> upperBoundExclusive() {
            upperBoundInclusive = false;
            return this;
        }

        /** Left elements behind the join's watermark go to this side output instead of being dropped. */
        public IntervalJoined<IN1, IN2, KEY> sideOutputLeftLateData(OutputTag<IN1> outputTag) {
            leftLateDataOutputTag = Objects.requireNonNull(outputTag, "sideOutputLeftLateData needs an OutputTag");
            return this;
        }

        /** Right elements behind the join's watermark go to this side output instead of being dropped. */
        public IntervalJoined<IN1, IN2, KEY> sideOutputRightLateData(OutputTag<IN2> outputTag) {
            rightLateDataOutputTag = Objects.requireNonNull(outputTag, "sideOutputRightLateData needs an OutputTag");
            return this;
        }

        public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction) {
            requireFunction(processJoinFunction, "process");
            return process(
                    processJoinFunction,
                    TypeExtractor.getOutputType(
                            processJoinFunction,
                            ProcessJoinFunction.class,
                            2,
                            new TypeInformation<?>[] {left.getType(), right.getType()},
                            "Interval Join"));
        }

        /**
         * Runs the join with {@code processJoinFunction} on every matching pair.
         *
         * @throws IllegalArgumentException if the lower bound is above the upper bound, or the keys
         *     of the two streams have different types
         */
        public <OUT> SingleOutputStreamOperator<OUT> process(
                ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction, TypeInformation<OUT> outputType) {
            requireFunction(processJoinFunction, "process");
            if (lowerBound > upperBound) {
                throw new IllegalArgumentException("lowerBound <= upperBound must be fulfilled, were " + lowerBound
                        + " ms and " + upperBound + " ms");
            }
            TypeInformation<?> kt1 = left.getKeyType();
            TypeInformation<?> kt2 = right.getKeyType();
            if (kt1 != null
                    && kt2 != null
                    && !(kt1 instanceof MissingTypeInfo)
                    && !(kt2 instanceof MissingTypeInfo)
                    && !kt1.equals(kt2)) {
                throw new IllegalArgumentException(
                        "The keys of an interval join must have the same type, were " + kt1 + " and " + kt2);
            }
            OperatorSpec spec = new OperatorSpec.IntervalJoinSpec(
                    lowerBound,
                    upperBound,
                    lowerBoundInclusive,
                    upperBoundInclusive,
                    leftLateDataOutputTag,
                    rightLateDataOutputTag,
                    left.getType(),
                    right.getType(),
                    processJoinFunction);
            TwoInputTransformation<IN1, IN2, OUT> t = new TwoInputTransformation<>(
                    left.getTransformation(),
                    right.getTransformation(),
                    "Interval Join",
                    spec,
                    outputType,
                    left.getExecutionEnvironment().getParallelism());
            t.setKeyed(left.getKeySelector(), right.getKeySelector(), kt1);
            return new SingleOutputStreamOperator<>(left.getExecutionEnvironment(), t);
        }
    }
}
