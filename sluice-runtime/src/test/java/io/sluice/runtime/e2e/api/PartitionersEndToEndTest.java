package io.sluice.runtime.e2e.api;

import static io.sluice.runtime.e2e.api.E2e.env;
import static io.sluice.runtime.e2e.api.E2e.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.datastream.DataStream;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.RichMapFunction;
import io.sluice.api.tuple.Tuple3;
import io.sluice.api.tuple.Tuple4;
import io.sluice.runtime.state.KeyGroupRangeAssignment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks where each partitioner sends every record: an upstream map tags a record with its subtask
 * and its sequence number there, a downstream map adds its own subtask, and the test compares the
 * routes with what the partitioner's contract says.
 */
class PartitionersEndToEndTest {
    private static final int RECORDS = 1000;

    /** (upstream subtask, sequence number within that subtask, value). */
    static final class TagUpstream extends RichMapFunction<Long, Tuple3<Integer, Long, Long>> {
        private long seq;

        @Override
        public Tuple3<Integer, Long, Long> map(Long value) {
            return Tuple3.of(getRuntimeContext().getIndexOfThisSubtask(), seq++, value);
        }
    }

    /** Appends the downstream subtask: (upstream subtask, seq, value, downstream subtask). */
    static final class TagDownstream
            extends RichMapFunction<Tuple3<Integer, Long, Long>, Tuple4<Integer, Long, Long, Integer>> {
        @Override
        public Tuple4<Integer, Long, Long, Integer> map(Tuple3<Integer, Long, Long> t) {
            return Tuple4.of(t.f0, t.f1, t.f2, getRuntimeContext().getIndexOfThisSubtask());
        }
    }

    /** Runs source(0..RECORDS-1) → tag (p up) → partition → tag (p down) → sink and returns the routes. */
    static List<Tuple4<Integer, Long, Long, Integer>> routes(
            StreamExecutionEnvironment env,
            int upstream,
            int downstream,
            Function<DataStream<Tuple3<Integer, Long, Long>>, DataStream<Tuple3<Integer, Long, Long>>> partition)
            throws Exception {
        SubtaskSink<Tuple4<Integer, Long, Long, Integer>> sink = new SubtaskSink<>();
        DataStream<Tuple3<Integer, Long, Long>> tagged = env.fromSequence(0, RECORDS - 1)
                .setParallelism(upstream)
                .map(new TagUpstream())
                .setParallelism(upstream)
                .name("Tag upstream");
        partition
                .apply(tagged)
                .map(new TagDownstream())
                .setParallelism(downstream)
                .name("Tag downstream")
                .sinkTo(sink)
                .setParallelism(downstream);
        env.execute("partitioning");
        Map<Integer, List<Tuple4<Integer, Long, Long, Integer>>> bySubtask = sink.bySubtask();
        bySubtask.forEach((subtask, records) ->
                assertThat(records).allSatisfy(r -> assertThat(r.f3).isEqualTo(subtask)));
        return sink.all();
    }

    static List<Long> values(List<Tuple4<Integer, Long, Long, Integer>> routes) {
        return sorted(routes.stream().map(r -> r.f2).toList());
    }

    static List<Long> allValues() {
        return LongStream.range(0, RECORDS).boxed().toList();
    }

    /** Per upstream subtask, the downstream subtasks of its records in emission order. */
    static Map<Integer, List<Integer>> targetsInEmissionOrder(List<Tuple4<Integer, Long, Long, Integer>> routes) {
        List<Tuple4<Integer, Long, Long, Integer>> copy = new ArrayList<>(routes);
        copy.sort(Comparator.<Tuple4<Integer, Long, Long, Integer>>comparingInt(r -> r.f0)
                .thenComparingLong(r -> r.f1));
        Map<Integer, List<Integer>> targets = new TreeMap<>();
        for (Tuple4<Integer, Long, Long, Integer> r : copy) {
            targets.computeIfAbsent(r.f0, k -> new ArrayList<>()).add(r.f3);
        }
        return targets;
    }

    @ParameterizedTest(name = "chaining {0}")
    @ValueSource(booleans = {true, false})
    void forward_keepsEveryRecordInTheSameSubtaskIndex(boolean chaining) throws Exception {
        List<Tuple4<Integer, Long, Long, Integer>> routes = routes(env(4, chaining), 4, 4, DataStream::forward);
        assertThat(values(routes)).isEqualTo(allValues());
        assertThat(routes).allSatisfy(r -> assertThat(r.f3).isEqualTo(r.f0));
    }

    @Test
    void forward_withDifferentParallelism_failsNamingBothOperators() {
        StreamExecutionEnvironment env = env(4, true);
        env.fromSequence(0, 9)
                .map(x -> x)
                .name("Four")
                .forward()
                .map(x -> x)
                .setParallelism(2)
                .name("Two")
                .sinkTo(new SubtaskSink<>());
        assertThatThrownBy(env::execute)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("Forward partitioning does not allow a change of parallelism: upstream 'Four' has "
                        + "parallelism 4, downstream 'Two' has 2. Use another partitioning, such as rebalance() or "
                        + "rescale().");
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void rebalance_sendsEachUpstreamSubtasksRecordsRoundRobin(int parallelism, boolean chaining) throws Exception {
        List<Tuple4<Integer, Long, Long, Integer>> routes =
                routes(env(parallelism, chaining), parallelism, 4, DataStream::rebalance);
        assertThat(values(routes)).isEqualTo(allValues());
        targetsInEmissionOrder(routes).forEach((up, targets) -> {
            for (int i = 1; i < targets.size(); i++) {
                assertThat(targets.get(i)).as("upstream %d record %d", up, i).isEqualTo((targets.get(i - 1) + 1) % 4);
            }
        });
    }

    @Test
    void rescale_fromTwoToFour_sendsEachUpstreamSubtaskRoundRobinToItsOwnPairOfSubtasks() throws Exception {
        List<Tuple4<Integer, Long, Long, Integer>> routes = routes(env(2, false), 2, 4, DataStream::rescale);
        assertThat(values(routes)).isEqualTo(allValues());
        assertThat(routes).allSatisfy(r -> assertThat(r.f3).isEqualTo(2 * r.f0 + (int) (r.f1 % 2)));
    }

    @Test
    void rescale_fromFourToTwo_sendsUpstreamPairsToOneSubtaskEach() throws Exception {
        List<Tuple4<Integer, Long, Long, Integer>> routes = routes(env(4, true), 4, 2, DataStream::rescale);
        assertThat(values(routes)).isEqualTo(allValues());
        assertThat(routes).allSatisfy(r -> assertThat(r.f3).isEqualTo(r.f0 / 2));
    }

    @Test
    void shuffle_deliversEveryRecordOnceAndReachesEverySubtask() throws Exception {
        List<Tuple4<Integer, Long, Long, Integer>> routes = routes(env(2, true), 2, 4, DataStream::shuffle);
        assertThat(values(routes)).isEqualTo(allValues());
        // 1000 uniform draws over 4 subtasks: a subtask gets none with probability 4 * 0.75^1000.
        assertThat(routes.stream().map(r -> r.f3).distinct().sorted().toList()).containsExactly(0, 1, 2, 3);
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void global_sendsEverythingToSubtaskZero(int parallelism, boolean chaining) throws Exception {
        List<Tuple4<Integer, Long, Long, Integer>> routes =
                routes(env(parallelism, chaining), parallelism, 4, DataStream::global);
        assertThat(values(routes)).isEqualTo(allValues());
        assertThat(routes).allSatisfy(r -> assertThat(r.f3).isZero());
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void broadcast_deliversEveryRecordToEverySubtask(int parallelism, boolean chaining) throws Exception {
        List<Tuple4<Integer, Long, Long, Integer>> routes =
                routes(env(parallelism, chaining), parallelism, 3, DataStream::broadcast);
        Map<Integer, List<Long>> valuesBySubtask = new TreeMap<>();
        for (Tuple4<Integer, Long, Long, Integer> r : routes) {
            valuesBySubtask.computeIfAbsent(r.f3, k -> new ArrayList<>()).add(r.f2);
        }
        assertThat(valuesBySubtask).containsOnlyKeys(0, 1, 2);
        valuesBySubtask.values().forEach(v -> assertThat(sorted(v)).isEqualTo(allValues()));
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void keyBy_putsEveryKeyInTheSubtaskOfItsKeyGroup(int parallelism, boolean chaining) throws Exception {
        List<Tuple4<Integer, Long, Long, Integer>> routes =
                routes(env(parallelism, chaining), parallelism, 4, s -> s.keyBy(t -> t.f2 % 50));
        assertThat(values(routes)).isEqualTo(allValues());
        Map<Long, Integer> subtaskOfKey = new HashMap<>();
        for (Tuple4<Integer, Long, Long, Integer> r : routes) {
            long key = r.f2 % 50;
            Integer previous = subtaskOfKey.putIfAbsent(key, r.f3);
            assertThat(r.f3).as("key %d", key).isEqualTo(previous == null ? r.f3 : previous);
            assertThat(r.f3).isEqualTo(KeyGroupRangeAssignment.assignKeyToParallelOperator(key, 128, 4));
        }
        assertThat(subtaskOfKey).hasSize(50);
        assertThat(subtaskOfKey.values().stream().distinct().count()).isGreaterThan(1);
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void partitionCustom_sendsEachRecordWhereThePartitionerSays(int parallelism, boolean chaining) throws Exception {
        List<Tuple4<Integer, Long, Long, Integer>> routes = routes(
                env(parallelism, chaining),
                parallelism,
                4,
                s -> s.partitionCustom((Long key, int n) -> (int) ((key / 10) % n), t -> t.f2));
        assertThat(values(routes)).isEqualTo(allValues());
        assertThat(routes).allSatisfy(r -> assertThat(r.f3).isEqualTo((int) ((r.f2 / 10) % 4)));
    }
}
