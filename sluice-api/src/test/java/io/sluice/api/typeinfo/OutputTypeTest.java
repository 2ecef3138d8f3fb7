package io.sluice.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.functions.FlatMapFunction;
import io.sluice.api.functions.Function;
import io.sluice.api.functions.KeySelector;
import io.sluice.api.functions.MapFunction;
import io.sluice.api.functions.RichMapFunction;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.util.Collector;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTypeTest {

    private static final String OP = "Map (map at MyJob.java:42)";
    private static final TypeInformation<?>[] LONG_IN = {Types.LONG};

    record Reading(String sensor, double value) {}

    static class Tokenizer implements MapFunction<String, Tuple2<String, Long>> {
        @Override
        public Tuple2<String, Long> map(String value) {
            return Tuple2.of(value, 1L);
        }
    }

    static class RichCounter extends RichMapFunction<Long, Reading> {
        @Override
        public Reading map(Long value) {
            return new Reading("s", value);
        }
    }

    abstract static class Converter<O> implements MapFunction<Long, O> {}

    static class ToStringConverter extends Converter<String> {
        @Override
        public String map(Long value) {
            return value.toString();
        }
    }

    static class Identity<T> implements MapFunction<T, T> {
        @Override
        public T map(T value) {
            return value;
        }
    }

    static class WithOne<T> implements MapFunction<T, Tuple2<T, Long>> {
        @Override
        public Tuple2<T, Long> map(T value) {
            return Tuple2.of(value, 1L);
        }
    }

    static class Splitter implements FlatMapFunction<String, String> {
        @Override
        public void flatMap(String value, Collector<String> out) {
            out.collect(value);
        }
    }

    static Tuple2<String, Long> toPair(String s) {
        return Tuple2.of(s, 1L);
    }

    static void split(String s, Collector<Reading> out) {}

    private static TypeInformation<?> output(Function f, Class<?> itf, TypeInformation<?>... inputs) {
        return TypeExtractor.getOutputType(f, itf, 1, inputs, OP);
    }

    @Test
    void classImplementingTheInterfaceDirectly() {
        assertThat(output(new Tokenizer(), MapFunction.class, Types.STRING))
                .isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
    }

    @Test
    void classExtendingRichMapFunction() {
        assertThat(output(new RichCounter(), MapFunction.class, LONG_IN)).isEqualTo(Types.RECORD(Reading.class));
    }

    @Test
    void classBindingTheOutputInAGenericSuperclass() {
        assertThat(output(new ToStringConverter(), MapFunction.class, LONG_IN)).isSameAs(Types.STRING);
    }

    @Test
    void anonymousClass() {
        MapFunction<Long, List<String>> f = new MapFunction<>() {
            @Override
            public List<String> map(Long value) {
                return List.of();
            }
        };
        assertThat(output(f, MapFunction.class, LONG_IN)).isEqualTo(Types.LIST(Types.STRING));
    }

    @Test
    void outputTypeVariableSharedWithTheInputTakesTheInputType() {
        assertThat(output(new Identity<Long>(), MapFunction.class, LONG_IN)).isSameAs(Types.LONG);
        assertThat(output(new WithOne<String>(), MapFunction.class, Types.STRING))
                .isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
    }

    @Test
    void outputTypeVariableNotBoundAnywhereIsMissing() {
        TypeInformation<?> t = output(new Identity<Long>(), MapFunction.class, new TypeInformation<?>[] {null});
        assertThat(t).isInstanceOf(MissingTypeInfo.class);
        assertThat(((MissingTypeInfo) t).getReason()).contains("type variable T of Identity cannot be resolved");
    }

    @Test
    void collectorBasedClass() {
        assertThat(output(new Splitter(), FlatMapFunction.class, Types.STRING)).isSameAs(Types.STRING);
    }

    @Test
    void lambdaReturningLongIsResolved() {
        MapFunction<String, Long> f = s -> (long) s.length();
        assertThat(output(f, MapFunction.class, Types.STRING)).isSameAs(Types.LONG);
    }

    @Test
    void lambdaReturningARecordIsResolved() {
        MapFunction<Long, Reading> f = v -> new Reading("s", v);
        assertThat(output(f, MapFunction.class, LONG_IN)).isEqualTo(Types.RECORD(Reading.class));
    }

    @Test
    void lambdaCapturingVariablesIsResolved() {
        String prefix = "p-";
        int offset = 3;
        MapFunction<Long, String> f = v -> prefix + (v + offset);
        assertThat(output(f, MapFunction.class, LONG_IN)).isSameAs(Types.STRING);
    }

    @Test
    void lambdaReturningTuple2IsMissingAndTheErrorSaysWhatToDo() {
        MapFunction<String, Tuple2<String, Long>> f = s -> Tuple2.of(s, 1L);
        TypeInformation<?> t = output(f, MapFunction.class, Types.STRING);
        assertThat(t).isInstanceOf(MissingTypeInfo.class);
        MissingTypeInfo missing = (MissingTypeInfo) t;
        assertThat(missing.isMissing()).isTrue();
        assertThat(missing.getOperatorName()).isEqualTo(OP);
        assertThatThrownBy(() -> missing.createSerializer(new ExecutionConfig()))
                .isInstanceOf(InvalidTypesException.class)
                .hasMessage("The return type of operator 'Map (map at MyJob.java:42)' could not be determined: the "
                        + "lambda's return type Tuple2 is generic and Java erases its type arguments. Add "
                        + ".returns(...) after the operator, e.g. .returns(Types.TUPLE(Types.STRING, Types.LONG)) or "
                        + ".returns(new TypeHint<Tuple2<String, Long>>(){}), or use a class instead of a lambda.");
    }

    @Test
    void flatMapLambdaIsMissingBecauseTheCollectorIsErased() {
        FlatMapFunction<String, String> f = (s, out) -> out.collect(s);
        TypeInformation<?> t = output(f, FlatMapFunction.class, Types.STRING);
        assertThat(t).isInstanceOf(MissingTypeInfo.class);
        assertThat(((MissingTypeInfo) t).getReason())
                .isEqualTo("the lambda's Collector parameter has no type argument: Java erases the parameter types "
                        + "of lambdas");
    }

    @Test
    void unboundMethodReferenceIsResolved() {
        MapFunction<String, Integer> f = String::length;
        assertThat(output(f, MapFunction.class, Types.STRING)).isSameAs(Types.INT);
        KeySelector<Reading, String> key = Reading::sensor;
        assertThat(output(key, KeySelector.class, Types.RECORD(Reading.class))).isSameAs(Types.STRING);
    }

    @Test
    void staticMethodReferenceKeepsItsGenericReturnType() {
        MapFunction<String, Tuple2<String, Long>> f = OutputTypeTest::toPair;
        assertThat(output(f, MapFunction.class, Types.STRING)).isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
    }

    @Test
    void boundMethodReferenceAndConstructorReference() {
        String suffix = "!";
        MapFunction<String, String> f = suffix::concat;
        assertThat(output(f, MapFunction.class, Types.STRING)).isSameAs(Types.STRING);
        MapFunction<String, StringBuilder> ctor = StringBuilder::new;
        TypeInformation<?> t = output(ctor, MapFunction.class, Types.STRING);
        assertThat(t).isEqualTo(new GenericTypeInfo<>(StringBuilder.class));
    }

    /** A function interface whose abstract method comes from a generic super-interface. */
    interface NamedMapper<A, B> extends MapFunction<A, B> {}

    @Test
    void lambdaOfASubInterfaceInheritingTheAbstractMethod() {
        NamedMapper<String, Long> f = s -> (long) s.length();
        assertThat(TypeExtractor.getOutputType(f, NamedMapper.class, 1, new TypeInformation<?>[] {Types.STRING}, OP))
                .isSameAs(Types.LONG);
    }

    @Test
    void methodReferenceWithTypedCollectorIsResolved() {
        FlatMapFunction<String, Reading> f = OutputTypeTest::split;
        assertThat(output(f, FlatMapFunction.class, Types.STRING)).isEqualTo(Types.RECORD(Reading.class));
    }
}
