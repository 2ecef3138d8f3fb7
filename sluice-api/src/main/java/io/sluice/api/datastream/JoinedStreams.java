package io.sluice.api.datastream;

import io.sluice.api.datastream.CoGroupedStreams.TaggedUnion;
import io.sluice.api.functions.CoGroupFunction;
import io.sluice.api.functions.FlatJoinFunction;
import io.sluice.api.functions.JoinFunction;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.typeinfo.TypeExtractor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.util.Collector;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * The inner join of two streams per key and window: {@code
 * first.join(second).where(k1).equalTo(k2).window(assigner).apply(joinFunction)} calls the function
 * for every pair of a first-input and a second-input element with equal keys in the same window. A
 * key present on one side only produces nothing.
 *
 * <p>A join is a {@link CoGroupedStreams co-group} whose function loops over the pairs, as in
 * Flink: first-input elements in the outer loop, both in the order the window holds them.
 *
 * @param <T1> the first input's type
 * @param <T2> the second input's type
 */
public class JoinedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = Objects.requireNonNull(input1, "input1");
        this.input2 = Objects.requireNonNull(input2, "input2");
    }

    /** The key of the first input's elements. */
    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        DataStream.requireFunction(keySelector, "where");
        return where(keySelector, CoGroupedStreams.keyType(keySelector, input1.getType(), "where"));
    }

    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector, TypeInformation<KEY> keyType) {
        return new Where<>(
                DataStream.requireFunction(keySelector, "where"), Objects.requireNonNull(keyType, "keyType"));
    }

    /** The join after {@code where}: give the second input's key. */
    public class Where<KEY> {
        private final KeySelector<T1, KEY> keySelector1;
        private final TypeInformation<KEY> keyType;

        Where(KeySelector<T1, KEY> keySelector1, TypeInformation<KEY> keyType) {
            this.keySelector1 = keySelector1;
            this.keyType = keyType;
        }

        /**
         * The key of the second input's elements; it must have the first key's type.
         *
         * @throws IllegalArgumentException if the key types differ
         */
        public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
            DataStream.requireFunction(keySelector, "equalTo");
            return equalTo(keySelector, CoGroupedStreams.keyType(keySelector, input2.getType(), "equalTo"));
        }

        public EqualTo equalTo(KeySelector<T2, KEY> keySelector, TypeInformation<KEY> keyType) {
            DataStream.requireFunction(keySelector, "equalTo");
            CoGroupedStreams.checkSameKeyType(this.keyType, Objects.requireNonNull(keyType, "keyType"));
            return new EqualTo(keySelector);
        }

        /** The join with both keys: give the windows. */
        public class EqualTo {
            private final KeySelector<T2, KEY> keySelector2;

            EqualTo(KeySelector<T2, KEY> keySelector2) {
                this.keySelector2 = keySelector2;
            }

            public <W extends Window> WithWindow<T1, T2, KEY, W> window(
                    WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(
                        input1,
                        input2,
                        keySelector1,
                        keySelector2,
                        keyType,
                        Objects.requireNonNull(assigner, "window assigner"));
            }
        }
    }

    /**
     * A join with keys and windows; optionally a trigger, evictor and allowed lateness (as on a
     * {@link WindowedStream}), then {@link #apply}.
     */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final DataStream<T1> input1;
        private final DataStream<T2> input2;
        /** A join is a co-group whose function loops over both sides. */
        private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup;

        protected WithWindow(
                DataStream<T1> input1,
                DataStream<T2> input2,
                KeySelector<T1, KEY> keySelector1,
                KeySelector<T2, KEY> keySelector2,
                TypeInformation<KEY> keyType,
                WindowAssigner<? super TaggedUnion<T1, T2>, W> windowAssigner) {
            this.input1 = input1;
            this.input2 = input2;
            this.coGroup = new CoGroupedStreams.WithWindow<>(
                    input1, input2, keySelector1, keySelector2, keyType, windowAssigner);
        }

        /** Replaces the assigner's default trigger. */
        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> newTrigger) {
            coGroup.trigger(newTrigger);
            return this;
        }

        /** Removes elements of both sides from a window before the join sees them. */
        public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> newEvictor) {
            coGroup.evictor(newEvictor);
            return this;
        }

        /** Keeps event-time windows this long after the watermark passed their end. */
        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration newLateness) {
            coGroup.allowedLateness(newLateness);
            return this;
        }

        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function) {
            DataStream.requireFunction(function, "apply");
            return apply(function, TypeExtractor.getOutputType(function, JoinFunction.class, 2, inTypes(), "Join"));
        }

        /** Calls {@code function} for every pair of a window; emits each result. */
        public <T> SingleOutputStreamOperator<T> apply(
                JoinFunction<T1, T2, T> function, TypeInformation<T> resultType) {
            DataStream.requireFunction(function, "apply");
            return coGroup(new JoinCoGroupFunction<>(function), resultType);
        }

        public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function) {
            DataStream.requireFunction(function, "apply");
            return apply(function, TypeExtractor.getOutputType(function, FlatJoinFunction.class, 2, inTypes(), "Join"));
        }

        /** Calls {@code function} for every pair of a window; it emits zero or more results each. */
        public <T> SingleOutputStreamOperator<T> apply(
                FlatJoinFunction<T1, T2, T> function, TypeInformation<T> resultType) {
            DataStream.requireFunction(function, "apply");
            return coGroup(new FlatJoinCoGroupFunction<>(function), resultType);
        }

        private TypeInformation<?>[] inTypes() {
            return new TypeInformation<?>[] {input1.getType(), input2.getType()};
        }

        private <T> SingleOutputStreamOperator<T> coGroup(
                CoGroupFunction<T1, T2, T> function, TypeInformation<T> resultType) {
            return coGroup.apply(function, resultType);
        }
    }

    // ------------------------------------------------------------------ the co-group functions behind apply

    /** The nested loop: every first-input element with every second-input element. */
    private static final class JoinCoGroupFunction<T1, T2, T> extends WrappingFunction<JoinFunction<T1, T2, T>>
            implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;

        JoinCoGroupFunction(JoinFunction<T1, T2, T> wrappedFunction) {
            super(wrappedFunction);
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 val1 : first) {
                for (T2 val2 : second) {
                    out.collect(wrappedFunction.join(val1, val2));
                }
            }
        }
    }

    private static final class FlatJoinCoGroupFunction<T1, T2, T> extends WrappingFunction<FlatJoinFunction<T1, T2, T>>
            implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;

        FlatJoinCoGroupFunction(FlatJoinFunction<T1, T2, T> wrappedFunction) {
            super(wrappedFunction);
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 val1 : first) {
                for (T2 val2 : second) {
                    wrappedFunction.join(val1, val2, out);
                }
            }
        }
    }
}
