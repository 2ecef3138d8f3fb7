package io.sluice.runtime.e2e.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.JobExecutionException;
import io.sluice.api.environment.StreamExecutionEnvironment;
import io.sluice.api.functions.AggregateFunction;
import io.sluice.api.functions.OpenContext;
import io.sluice.api.functions.RichFlatMapFunction;
import io.sluice.api.functions.RichMapFunction;
import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keyed state from rich functions on a keyed stream: each key sees only its own state, in every
 * subtask, with every state type; a non-keyed stream gets a clear error.
 */
class KeyedStateEndToEndTest {

    /** Emits "key:count:sum:distinct:last3" after every element, all from keyed state. */
    static final class EveryStateType extends RichFlatMapFunction<Long, String> {
        private transient ValueState<Long> count;
        private transient ReducingState<Long> sum;
        private transient MapState<Long, Boolean> seen;
        private transient ListState<Long> all;
        private transient AggregatingState<Long, Long> max;

        @Override
        public void open(OpenContext ctx) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            sum = getRuntimeContext().getReducingState(new ReducingStateDescriptor<>("sum", Long::sum, Types.LONG));
            seen = getRuntimeContext().getMapState(new MapStateDescriptor<>("seen", Types.LONG, Types.BOOLEAN));
            all = getRuntimeContext().getListState(new ListStateDescriptor<>("all", Types.LONG));
            max = getRuntimeContext()
                    .getAggregatingState(
                            new AggregatingStateDescriptor<>("max", new Max(), TypeInformation.of(long[].class)));
        }

        @Override
        public void flatMap(Long value, Collector<String> out) throws Exception {
            Long c = count.value();
            count.update(c == null ? 1L : c + 1);
            sum.add(value);
            seen.put(value, true);
            all.add(value);
            max.add(value);
            List<Long> list = new ArrayList<>();
            all.get().forEach(list::add);
            int distinct = 0;
            for (Long ignored : seen.keys()) {
                distinct++;
            }
            out.collect((value % 3) + ":" + count.value() + ":" + sum.get() + ":" + distinct + ":" + list.size() + ":"
                    + max.get());
        }
    }

    static final class Max implements AggregateFunction<Long, long[], Long> {
        @Override
        public long[] createAccumulator() {
            return new long[] {Long.MIN_VALUE};
        }

        @Override
        public long[] add(Long value, long[] acc) {
            acc[0] = Math.max(acc[0], value);
            return acc;
        }

        @Override
        public Long getResult(long[] acc) {
            return acc[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] = Math.max(a[0], b[0]);
            return a;
        }
    }

    @ParameterizedTest(name = "parallelism {0}, chaining {1}")
    @MethodSource("io.sluice.runtime.e2e.api.E2e#parallelismAndChaining")
    void whenEveryStateTypeIsUsedOnAKeyedStream_thenEachKeySeesOnlyItsOwnState(int parallelism, boolean chaining)
            throws Exception {
        StreamExecutionEnvironment env = E2e.env(parallelism, chaining);
        // One source subtask, so each key's elements arrive in input order: 1..30.
        List<String> out = E2e.drain(env.fromSequence(1, 30)
                .setParallelism(1)
                .keyBy(v -> v % 3)
                .flatMap(new EveryStateType(), Types.STRING)
                .executeAndCollect());

        // Expected from a plain model: per key k (values k, k+3, ... in order) the n-th element v
        // has count n, sum of the first n values, n distinct values, list size n, max v.
        List<String> expected = new ArrayList<>();
        TreeMap<Long, long[]> model = new TreeMap<>();
        for (long v = 1; v <= 30; v++) {
            long[] m = model.computeIfAbsent(v % 3, k -> new long[2]);
            m[0]++;
            m[1] += v;
            expected.add((v % 3) + ":" + m[0] + ":" + m[1] + ":" + m[0] + ":" + m[0] + ":" + v);
        }
        assertThat(E2e.sorted(out)).isEqualTo(E2e.sorted(expected));
    }

    static final class UsesStateWithoutKeyBy extends RichMapFunction<Long, Long> {
        @Override
        public void open(OpenContext ctx) {
            getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    @Test
    void whenKeyedStateIsUsedOnANonKeyedStream_thenTheJobFailsSayingKeyByIsNeeded() {
        StreamExecutionEnvironment env = E2e.env(1, true);
        env.fromSequence(1, 3)
                .map(new UsesStateWithoutKeyBy(), Types.LONG)
                .name("unkeyed")
                .print();

        assertThatThrownBy(() -> env.execute("state without keyBy"))
                .isInstanceOf(JobExecutionException.class)
                .cause()
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage(
                        "Keyed state 'count' can only be used on a keyed stream, i.e. after keyBy(...); operator"
                                + " 'unkeyed' of task Source: Sequence Source -> unkeyed -> Sink: Print to Std. Out (1/1) is not keyed.");
    }
}
