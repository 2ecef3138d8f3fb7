package io.sluice.runtime.e2e.api;

import static io.sluice.runtime.e2e.api.E2e.drain;
import static io.sluice.runtime.e2e.api.E2e.env;
import static io.sluice.runtime.e2e.api.E2e.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.datastream.DataStream;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.co.CoFlatMapFunction;
import io.sluice.api.functions.co.CoMapFunction;
import io.sluice.api.functions.co.CoProcessFunction;
import io.sluice.api.functions.co.KeyedCoProcessFunction;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.tuple.Tuple4;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** union of 2 and 3 streams, and connected streams with every co-function, end to end. */
class UnionAndConnectEndToEndTest {

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void unionOfTwo_containsBothStreamsExactly(int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        List<Long> out = drain(env.fromSequence(0, 499)
                .union(env.fromSequence(1000, 1499))
                .map(x -> x + 1)
                .executeAndCollect());
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 500; i++) {
            expected.add(i + 1);
            expected.add(i + 1001);
        }
        assertThat(sorted(out)).isEqualTo(sorted(expected));
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void unionOfThreeWithDifferentParallelism_containsAllThreeExactly(int parallelism, boolean chaining)
            throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        DataStream<String> a = env.fromData("a1", "a2", "a3");
        DataStream<String> b = env.fromSequence(1, 100).map(i -> "b" + i);
        DataStream<String> c = env.fromSequence(1, 50).map(i -> "c" + i).setParallelism(2);
        List<String> out = drain(a.union(b, c).filter(s -> !s.endsWith("0")).executeAndCollect());

        List<String> expected = new ArrayList<>(List.of("a1", "a2", "a3"));
        for (int i = 1; i <= 100; i++) {
            if (i % 10 != 0) {
                expected.add("b" + i);
                if (i <= 50) {
                    expected.add("c" + i);
                }
            }
        }
        assertThat(sorted(out)).isEqualTo(sorted(expected));
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void unionWithMappedSelf_containsEachElementAndItsMappedCopy(int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        DataStream<Long> s = env.fromSequence(0, 299);
        List<Long> out = drain(s.union(s.map(x -> x + 10_000)).executeAndCollect());
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 300; i++) {
            expected.add(i);
            expected.add(i + 10_000);
        }
        assertThat(sorted(out)).isEqualTo(sorted(expected));
    }

    /** Tags each element with the input it came from. */
    static final class TagInputs implements CoMapFunction<Long, String, String> {
        @Override
        public String map1(Long value) {
            return "L" + value;
        }

        @Override
        public String map2(String value) {
            return "S" + value;
        }
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void connectWithCoMap_mapsEachInputWithItsOwnMethod(int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        List<String> out = drain(env.fromSequence(0, 199)
                .connect(env.fromData("x", "y", "z"))
                .map(new TagInputs())
                .executeAndCollect());
        List<String> expected = new ArrayList<>(List.of("Sx", "Sy", "Sz"));
        for (long i = 0; i < 200; i++) {
            expected.add("L" + i);
        }
        assertThat(sorted(out)).isEqualTo(sorted(expected));
    }

    /** First input: value copies of value; second input: one element per character. */
    static final class Explode implements CoFlatMapFunction<Long, String, String> {
        @Override
        public void flatMap1(Long value, Collector<String> out) {
            for (long i = 0; i < value; i++) {
                out.collect("n" + value);
            }
        }

        @Override
        public void flatMap2(String value, Collector<String> out) {
            for (char c : value.toCharArray()) {
                out.collect("c" + c);
            }
        }
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void connectWithCoFlatMap_emitsAnyNumberPerInput(int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        List<String> out = drain(env.fromSequence(0, 20)
                .connect(env.fromData("abc", "", "dd"))
                .flatMap(new Explode())
                .executeAndCollect());
        List<String> expected = new ArrayList<>(List.of("ca", "cb", "cc", "cd", "cd"));
        for (long v = 0; v <= 20; v++) {
            for (long i = 0; i < v; i++) {
                expected.add("n" + v);
            }
        }
        assertThat(sorted(out)).isEqualTo(sorted(expected));
    }

    /** Tags each element with its input number and its (absent) timestamp. */
    static final class CoProcessTag extends CoProcessFunction<Long, Long, String> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out) {
            out.collect("1:" + value + "@" + ctx.timestamp());
        }

        @Override
        public void processElement2(Long value, Context ctx, Collector<String> out) {
            out.collect("2:" + value + "@" + ctx.timestamp());
        }
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void connectWithCoProcess_processesEachInputSeparately(int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        List<String> out = drain(env.fromSequence(0, 99)
                .connect(env.fromSequence(0, 49))
                .process(new CoProcessTag())
                .executeAndCollect());
        List<String> expected = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
            expected.add("1:" + i + "@null");
            if (i < 50) {
                expected.add("2:" + i + "@null");
            }
        }
        assertThat(sorted(out)).isEqualTo(sorted(expected));
    }

    /** Emits (current key, subtask, input number, payload). */
    static final class MeetByKey
            extends KeyedCoProcessFunction<
                    Long, Tuple2<Long, Long>, Tuple2<Long, String>, Tuple4<Long, Integer, Integer, String>> {
        @Override
        public void processElement1(
                Tuple2<Long, Long> value, Context ctx, Collector<Tuple4<Long, Integer, Integer, String>> out) {
            out.collect(Tuple4.of(ctx.getCurrentKey(), getRuntimeContext().getIndexOfThisSubtask(), 1, "" + value.f1));
        }

        @Override
        public void processElement2(
                Tuple2<Long, String> value, Context ctx, Collector<Tuple4<Long, Integer, Integer, String>> out) {
            out.collect(Tuple4.of(ctx.getCurrentKey(), getRuntimeContext().getIndexOfThisSubtask(), 2, value.f1));
        }
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void keyedConnectWithKeyedCoProcess_bothInputsOfAKeyMeetInOneSubtask(int parallelism, boolean chaining)
            throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        DataStream<Tuple2<Long, Long>> numbers =
                env.fromSequence(0, 299).map(v -> Tuple2.of(v % 20, v)).returns(Types.TUPLE(Types.LONG, Types.LONG));
        List<Tuple2<Long, String>> namesInput = new ArrayList<>();
        for (long k = 0; k < 20; k++) {
            namesInput.add(Tuple2.of(k, "name" + k));
        }
        List<Tuple4<Long, Integer, Integer, String>> out = drain(numbers.connect(env.fromData(namesInput))
                .keyBy(t -> t.f0, t -> t.f0)
                .process(new MeetByKey())
                .executeAndCollect());

        Map<Long, Integer> subtaskOfKey = new HashMap<>();
        Map<Long, List<String>> payloads = new HashMap<>();
        for (Tuple4<Long, Integer, Integer, String> t : out) {
            assertThat(subtaskOfKey.computeIfAbsent(t.f0, k -> t.f1))
                    .as("key %d", t.f0)
                    .isEqualTo(t.f1);
            payloads.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(t.f2 + ":" + t.f3);
        }
        assertThat(payloads).hasSize(20);
        for (long k = 0; k < 20; k++) {
            List<String> expected = new ArrayList<>(List.of("2:name" + k));
            for (long v = k; v < 300; v += 20) {
                expected.add("1:" + v);
            }
            assertThat(sorted(payloads.get(k))).as("key %d", k).isEqualTo(sorted(expected));
        }
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void unionWithItself_deliversEachElementTwice(int parallelism, boolean chaining) throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        DataStream<Long> s = env.fromSequence(0, 99);
        List<Long> out = drain(s.union(s).map(x -> x * 2).executeAndCollect());
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 100; i++) {
            expected.add(i * 2);
            expected.add(i * 2);
        }
        assertThat(sorted(out)).isEqualTo(sorted(expected));
    }

    /** Emits (subtask, element) for both inputs. */
    static final class WhereDidItGo extends CoProcessFunction<Long, String, String> {
        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out) {
            out.collect(getRuntimeContext().getIndexOfThisSubtask() + ":n" + value);
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {
            out.collect(getRuntimeContext().getIndexOfThisSubtask() + ":" + value);
        }
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void connectWithBroadcastSecondInput_everySubtaskSeesEveryControlElement(int parallelism, boolean chaining)
            throws Exception {
        StreamExecutionEnvironment env = env(parallelism, chaining);
        List<String> out = drain(env.fromSequence(0, 39)
                .connect(env.fromData("c1", "c2").broadcast())
                .process(new WhereDidItGo())
                .executeAndCollect());
        List<String> control = sorted(out.stream().filter(x -> x.contains(":c")).toList());
        List<String> expectedControl = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            expectedControl.add(i + ":c1");
            expectedControl.add(i + ":c2");
        }
        assertThat(control).isEqualTo(sorted(expectedControl));
        List<Long> numbers = sorted(out.stream()
                .filter(x -> x.contains(":n"))
                .map(x -> Long.parseLong(x.substring(x.indexOf(":n") + 2)))
                .toList());
        assertThat(numbers)
                .isEqualTo(java.util.stream.LongStream.range(0, 40).boxed().toList());
    }
}
