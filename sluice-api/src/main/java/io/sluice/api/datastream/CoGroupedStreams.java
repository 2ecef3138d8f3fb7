package io.sluice.api.datastream;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.functions.CoGroupFunction;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.windowing.WindowFunction;
import io.sluice.api.typeinfo.MissingTypeInfo;
import io.sluice.api.typeinfo.TypeExtractor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeutils.DataInputView;
import io.sluice.api.typeutils.DataOutputView;
import io.sluice.api.typeutils.TypeSerializer;
import io.sluice.api.util.Collector;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.evictors.Evictor;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.windows.Window;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two streams grouped by key and window together: {@code
 * first.coGroup(second).where(k1).equalTo(k2).window(assigner).apply(coGroupFunction)} calls the
 * function once per key and window with all elements of both streams in it (one side may be empty).
 *
 * <p>Built from existing operators, as in Flink: each input is mapped to a {@link TaggedUnion}
 * (chained to it), the two are unioned, keyed by the side's key selector and windowed, and a window
 * function splits each window's elements by side before calling the user function. The window
 * assigner, trigger and evictor therefore see {@code TaggedUnion} elements.
 *
 * @param <T1> the first input's type
 * @param <T2> the second input's type
 */
public class CoGroupedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = Objects.requireNonNull(input1, "input1");
        this.input2 = Objects.requireNonNull(input2, "input2");
    }

    /** The key of the first input's elements. */
    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        DataStream.requireFunction(keySelector, "where");
        return where(keySelector, keyType(keySelector, input1.getType(), "where"));
    }

    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector, TypeInformation<KEY> keyType) {
        return new Where<>(
                DataStream.requireFunction(keySelector, "where"), Objects.requireNonNull(keyType, "keyType"));
    }

    static <T, KEY> TypeInformation<KEY> keyType(KeySelector<T, KEY> selector, TypeInformation<T> input, String op) {
        return TypeExtractor.getOutputType(selector, KeySelector.class, 1, new TypeInformation<?>[] {input}, op);
    }

    /** Checks that both key types are the same, where both are known. */
    static void checkSameKeyType(TypeInformation<?> first, TypeInformation<?> second) {
        if (!(first instanceof MissingTypeInfo) && !(second instanceof MissingTypeInfo) && !first.equals(second)) {
            throw new IllegalArgumentException(
                    "The keys for the two inputs are not equal: first key = " + first + " , second key = " + second);
        }
    }

    /** The co-group after {@code where}: give the second input's key. */
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
            return equalTo(keySelector, keyType(keySelector, input2.getType(), "equalTo"));
        }

        public EqualTo equalTo(KeySelector<T2, KEY> keySelector, TypeInformation<KEY> keyType) {
            DataStream.requireFunction(keySelector, "equalTo");
            checkSameKeyType(this.keyType, Objects.requireNonNull(keyType, "keyType"));
            return new EqualTo(keySelector);
        }

        /** The co-group with both keys: give the windows. */
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
     * A co-group with keys and windows; optionally a trigger, evictor and allowed lateness (as on
     * a {@link WindowedStream}), then {@link #apply}.
     */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final DataStream<T1> input1;
        private final DataStream<T2> input2;
        private final KeySelector<T1, KEY> keySelector1;
        private final KeySelector<T2, KEY> keySelector2;
        private final TypeInformation<KEY> keyType;
        private final WindowAssigner<? super TaggedUnion<T1, T2>, W> windowAssigner;
        private Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger;
        private Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor;
        private Duration allowedLateness;

        protected WithWindow(
                DataStream<T1> input1,
                DataStream<T2> input2,
                KeySelector<T1, KEY> keySelector1,
                KeySelector<T2, KEY> keySelector2,
                TypeInformation<KEY> keyType,
                WindowAssigner<? super TaggedUnion<T1, T2>, W> windowAssigner) {
            this.input1 = input1;
            this.input2 = input2;
            this.keySelector1 = keySelector1;
            this.keySelector2 = keySelector2;
            this.keyType = keyType;
            this.windowAssigner = windowAssigner;
        }

        /** Replaces the assigner's default trigger. */
        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> newTrigger) {
            this.trigger = Objects.requireNonNull(newTrigger, "trigger must not be null");
            return this;
        }

        /** Removes elements of both sides from a window before the function sees them. */
        public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> newEvictor) {
            this.evictor = Objects.requireNonNull(newEvictor, "evictor must not be null");
            return this;
        }

        /** Keeps event-time windows this long after the watermark passed their end. */
        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration newLateness) {
            this.allowedLateness = Objects.requireNonNull(newLateness, "lateness must not be null");
            return this;
        }

        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
            DataStream.requireFunction(function, "apply");
            return apply(
                    function,
                    TypeExtractor.getOutputType(
                            function,
                            CoGroupFunction.class,
                            2,
                            new TypeInformation<?>[] {input1.getType(), input2.getType()},
                            "CoGroup"));
        }

        /** Calls {@code function} once per key and window that fires, with both sides' elements. */
        public <T> SingleOutputStreamOperator<T> apply(
                CoGroupFunction<T1, T2, T> function, TypeInformation<T> resultType) {
            DataStream.requireFunction(function, "apply");
            UnionTypeInfo<T1, T2> unionType = new UnionTypeInfo<>(input1.getType(), input2.getType());

            SingleOutputStreamOperator<TaggedUnion<T1, T2>> tagged1 =
                    input1.map(new FirstInputTag<T1, T2>(), unionType).setParallelism(input1.getParallelism());
            SingleOutputStreamOperator<TaggedUnion<T1, T2>> tagged2 =
                    input2.map(new SecondInputTag<T1, T2>(), unionType).setParallelism(input2.getParallelism());
            DataStream<TaggedUnion<T1, T2>> union = tagged1.union(tagged2);

            WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed = new KeyedStream<>(
                            union, new EitherSideKey<>(keySelector1, keySelector2), keyType)
                    .window(windowAssigner);
            if (trigger != null) {
                windowed.trigger(trigger);
            }
            if (evictor != null) {
                windowed.evictor(evictor);
            }
            if (allowedLateness != null) {
                windowed.allowedLateness(allowedLateness);
            }
            return windowed.apply(new SplitBySideWindowFunction<T1, T2, T, KEY, W>(function), resultType);
        }
    }

    // ------------------------------------------------------------------ the tagged union

    /** An element of either input: exactly one of {@link #getOne()} and {@link #getTwo()} is non-null. */
    public static class TaggedUnion<T1, T2> {
        private final T1 one;
        private final T2 two;

        private TaggedUnion(T1 one, T2 two) {
            this.one = one;
            this.two = two;
        }

        public boolean isOne() {
            return one != null;
        }

        public boolean isTwo() {
            return two != null;
        }

        public T1 getOne() {
            return one;
        }

        public T2 getTwo() {
            return two;
        }

        public static <T1, T2> TaggedUnion<T1, T2> one(T1 one) {
            return new TaggedUnion<>(Objects.requireNonNull(one, "one"), null);
        }

        public static <T1, T2> TaggedUnion<T1, T2> two(T2 two) {
            return new TaggedUnion<>(null, Objects.requireNonNull(two, "two"));
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof TaggedUnion<?, ?> other
                    && Objects.equals(one, other.one)
                    && Objects.equals(two, other.two);
        }

        @Override
        public int hashCode() {
            return isOne() ? 31 * one.hashCode() : 31 * two.hashCode() + 1;
        }

        @Override
        public String toString() {
            return isOne() ? "One(" + one + ")" : "Two(" + two + ")";
        }
    }

    /** The type of {@link TaggedUnion}s of two known types. Immutable; any thread. */
    public static class UnionTypeInfo<T1, T2> extends TypeInformation<TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        private final TypeInformation<T1> oneType;
        private final TypeInformation<T2> twoType;

        public UnionTypeInfo(TypeInformation<T1> oneType, TypeInformation<T2> twoType) {
            this.oneType = Objects.requireNonNull(oneType, "oneType");
            this.twoType = Objects.requireNonNull(twoType, "twoType");
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<TaggedUnion<T1, T2>> getTypeClass() {
            return (Class) TaggedUnion.class;
        }

        @Override
        public int getArity() {
            return 2;
        }

        @Override
        public boolean isKeyType() {
            return true;
        }

        @Override
        public TypeSerializer<TaggedUnion<T1, T2>> createSerializer(ExecutionConfig config) {
            return new UnionSerializer<>(oneType.createSerializer(config), twoType.createSerializer(config));
        }

        @Override
        public String toString() {
            return "TaggedUnion<" + oneType + ", " + twoType + ">";
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof UnionTypeInfo<?, ?> other
                    && oneType.equals(other.oneType)
                    && twoType.equals(other.twoType);
        }

        @Override
        public int hashCode() {
            return 31 * oneType.hashCode() + twoType.hashCode();
        }
    }

    /**
     * Serializes a {@link TaggedUnion}: one byte (1 = first input, 2 = second), then the value
     * with that side's serializer.
     *
     * <p>Threading: as thread-safe as the two serializers; {@link #duplicate()} follows them.
     */
    public static class UnionSerializer<T1, T2> extends TypeSerializer<TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        private final TypeSerializer<T1> oneSerializer;
        private final TypeSerializer<T2> twoSerializer;

        public UnionSerializer(TypeSerializer<T1> oneSerializer, TypeSerializer<T2> twoSerializer) {
            this.oneSerializer = Objects.requireNonNull(oneSerializer, "oneSerializer");
            this.twoSerializer = Objects.requireNonNull(twoSerializer, "twoSerializer");
        }

        @Override
        public boolean isImmutableType() {
            return oneSerializer.isImmutableType() && twoSerializer.isImmutableType();
        }

        @Override
        public TypeSerializer<TaggedUnion<T1, T2>> duplicate() {
            TypeSerializer<T1> d1 = oneSerializer.duplicate();
            TypeSerializer<T2> d2 = twoSerializer.duplicate();
            return d1 == oneSerializer && d2 == twoSerializer ? this : new UnionSerializer<>(d1, d2);
        }

        @Override
        public TaggedUnion<T1, T2> createInstance() {
            return null;
        }

        @Override
        public TaggedUnion<T1, T2> copy(TaggedUnion<T1, T2> from) {
            if (from.isOne()) {
                return oneSerializer.isImmutableType() ? from : TaggedUnion.one(oneSerializer.copy(from.getOne()));
            }
            return twoSerializer.isImmutableType() ? from : TaggedUnion.two(twoSerializer.copy(from.getTwo()));
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(TaggedUnion<T1, T2> record, DataOutputView target) throws IOException {
            if (record.isOne()) {
                target.writeByte(1);
                oneSerializer.serialize(record.getOne(), target);
            } else {
                target.writeByte(2);
                twoSerializer.serialize(record.getTwo(), target);
            }
        }

        @Override
        public TaggedUnion<T1, T2> deserialize(DataInputView source) throws IOException {
            byte tag = source.readByte();
            return switch (tag) {
                case 1 -> TaggedUnion.one(oneSerializer.deserialize(source));
                case 2 -> TaggedUnion.two(twoSerializer.deserialize(source));
                default -> throw new IOException("Corrupt TaggedUnion: tag " + tag + ", expected 1 or 2");
            };
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof UnionSerializer<?, ?> other
                    && oneSerializer.equals(other.oneSerializer)
                    && twoSerializer.equals(other.twoSerializer);
        }

        @Override
        public int hashCode() {
            return 31 * oneSerializer.hashCode() + twoSerializer.hashCode();
        }

        @Override
        public String toString() {
            return "UnionSerializer<" + oneSerializer + ", " + twoSerializer + ">";
        }
    }

    // ------------------------------------------------------------------ the functions behind apply

    private static final class FirstInputTag<T1, T2> implements MapFunction<T1, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T1 value) {
            return TaggedUnion.one(value);
        }
    }

    private static final class SecondInputTag<T1, T2> implements MapFunction<T2, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T2 value) {
            return TaggedUnion.two(value);
        }
    }

    /** Keys a tagged element with its own side's key selector. */
    private static final class EitherSideKey<T1, T2, KEY> implements KeySelector<TaggedUnion<T1, T2>, KEY> {
        private static final long serialVersionUID = 1L;

        private final KeySelector<T1, KEY> keySelector1;
        private final KeySelector<T2, KEY> keySelector2;

        EitherSideKey(KeySelector<T1, KEY> keySelector1, KeySelector<T2, KEY> keySelector2) {
            this.keySelector1 = keySelector1;
            this.keySelector2 = keySelector2;
        }

        @Override
        public KEY getKey(TaggedUnion<T1, T2> value) throws Exception {
            return value.isOne() ? keySelector1.getKey(value.getOne()) : keySelector2.getKey(value.getTwo());
        }
    }

    /**
     * Splits a window's elements by side, keeping each side's order, and calls the co-group
     * function; passes the life cycle (runtime context, open, close) on to it.
     */
    static final class SplitBySideWindowFunction<T1, T2, T, KEY, W extends Window>
            extends WrappingFunction<CoGroupFunction<T1, T2, T>>
            implements WindowFunction<TaggedUnion<T1, T2>, T, KEY, W> {
        private static final long serialVersionUID = 1L;

        SplitBySideWindowFunction(CoGroupFunction<T1, T2, T> wrappedFunction) {
            super(wrappedFunction);
        }

        @Override
        public void apply(KEY key, W window, Iterable<TaggedUnion<T1, T2>> values, Collector<T> out) throws Exception {
            List<T1> oneValues = new ArrayList<>();
            List<T2> twoValues = new ArrayList<>();
            for (TaggedUnion<T1, T2> value : values) {
                if (value.isOne()) {
                    oneValues.add(value.getOne());
                } else {
                    twoValues.add(value.getTwo());
                }
            }
            wrappedFunction.coGroup(oneValues, twoValues, out);
        }
    }
}
