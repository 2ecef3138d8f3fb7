package io.sluice.test.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.dag.OperatorSpec.ReduceSpec;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.OpenContext;
import io.sluice.api.functions.ReduceFunction;
import io.sluice.api.functions.co.KeyedCoProcessFunction;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.tuple.Tuple2;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.operators.KeyedProcessOperator;
import io.sluice.runtime.state.KeyGroupRangeAssignment;
import io.sluice.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

class KeyedHarnessTest {

    /** Emits "key:count" per element, counting in keyed state; large counts also go to a side output. */
    static final class CountPerKey extends KeyedProcessFunction<String, Tuple2<String, Integer>, String> {
        static final OutputTag<String> BIG = new OutputTag<>("big") {};
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.INT));
        }

        @Override
        public void processElement(Tuple2<String, Integer> value, Context ctx, Collector<String> out) throws Exception {
            Integer current = count.value();
            int next = (current == null ? 0 : current) + value.f1;
            count.update(next);
            out.collect(ctx.getCurrentKey() + ":" + next + "@" + ctx.timestamp());
            if (next >= 10) {
                ctx.output(BIG, ctx.getCurrentKey());
            }
        }
    }

    @Test
    void whenKeyedProcessFunctionKeepsStatePerKey_thenEachKeyCountsAloneAndStateEntriesAreCounted() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, String> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(new CountPerKey(), t -> t.f0, Types.STRING);

        harness.processElement(Tuple2.of("a", 1), 1L);
        harness.processElement(Tuple2.of("b", 5), 2L);
        harness.processElement(Tuple2.of("a", 2), 3L);
        harness.processWatermark(3L);
        harness.processElement(Tuple2.of("b", 6), 4L);
        harness.processElement(Tuple2.of("c", 1), 5L);

        assertThat(harness.getOutput())
                .containsExactly(
                        new StreamRecord<>("a:1@1", 1L),
                        new StreamRecord<>("b:5@2", 2L),
                        new StreamRecord<>("a:3@3", 3L),
                        new Watermark(3L),
                        new StreamRecord<>("b:11@4", 4L),
                        new StreamRecord<>("c:1@5", 5L));
        assertThat(harness.getSideOutput(CountPerKey.BIG)).containsExactly(new StreamRecord<>("b", 4L));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(3);
        assertThat(harness.getKeyType()).isEqualTo(Types.STRING);
        harness.close();
    }

    @Test
    void whenReduceSpecRunsOnAKeyedHarness_thenItEmitsTheRollingAggregatePerKey() throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, Tuple2<String, Integer>> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new ReduceSpec(
                                (ReduceFunction<Tuple2<String, Integer>>) (x, y) -> Tuple2.of(x.f0, x.f1 + y.f1)),
                        t -> t.f0,
                        Types.STRING);
        harness.open();
        harness.processElement(Tuple2.of("x", 1), 1L);
        harness.processElement(Tuple2.of("y", 10), 2L);
        harness.processElement(Tuple2.of("x", 2), 3L);
        assertThat(harness.extractOutputValues())
                .containsExactly(Tuple2.of("x", 1), Tuple2.of("y", 10), Tuple2.of("x", 3));
        harness.close();
    }

    @Test
    void whenSubtaskOwnsSomeKeyGroups_thenKeysOfOtherSubtasksAreRejected() throws Exception {
        int maxParallelism = 128;
        String mine = null;
        String other = null;
        for (int i = 0; mine == null || other == null; i++) {
            String key = "k" + i;
            int subtask = KeyGroupRangeAssignment.assignKeyToParallelOperator(key, maxParallelism, 2);
            if (subtask == 1 && mine == null) {
                mine = key;
            } else if (subtask == 0 && other == null) {
                other = key;
            }
        }
        KeyedOneInputStreamOperatorTestHarness<String, Tuple2<String, Integer>, String> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new CountPerKey()), t -> t.f0, Types.STRING, maxParallelism, 2, 1);
        harness.open();
        harness.processElement(Tuple2.of(mine, 4), 1L);
        assertThat(harness.extractOutputValues()).containsExactly(mine + ":4@1");
        String otherKey = other;
        assertThatThrownBy(() -> harness.processElement(Tuple2.of(otherKey, 1), 2L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("routed to the wrong subtask");
        harness.close();
    }

    @Test
    void whenKeyedCoProcessFunctionJoinsBothInputsByKey_thenStateIsSharedPerKeyAcrossInputs() throws Exception {
        KeyedTwoInputStreamOperatorTestHarness<Integer, Tuple2<Integer, String>, Integer, String> harness =
                ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                        new KeyedCoProcessFunction<Integer, Tuple2<Integer, String>, Integer, String>() {
                            private transient ValueState<String> name;

                            @Override
                            public void open(OpenContext openContext) {
                                name = getRuntimeContext().getState(new ValueStateDescriptor<>("name", Types.STRING));
                            }

                            @Override
                            public void processElement1(
                                    Tuple2<Integer, String> value, Context ctx, Collector<String> out)
                                    throws Exception {
                                name.update(value.f1);
                            }

                            @Override
                            public void processElement2(Integer value, Context ctx, Collector<String> out)
                                    throws Exception {
                                out.collect(ctx.getCurrentKey() + "=" + name.value());
                            }
                        },
                        t -> t.f0,
                        x -> x,
                        Types.INT);

        harness.processElement1(Tuple2.of(1, "one"), 1L);
        harness.processElement1(Tuple2.of(2, "two"), 2L);
        harness.processElement2(2, 3L);
        harness.processElement2(3, 4L);
        harness.processElement2(1, 5L);

        assertThat(harness.extractOutputStreamRecords())
                .containsExactly(
                        new StreamRecord<>("2=two", 3L),
                        new StreamRecord<>("3=null", 4L),
                        new StreamRecord<>("1=one", 5L));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        harness.close();
    }
}
