package io.sluice.test.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.dag.OperatorSpec.FlatMapSpec;
import io.sluice.api.functions.FlatMapFunction;
import io.sluice.api.state.CheckpointedFunction;
import io.sluice.api.state.FunctionInitializationContext;
import io.sluice.api.state.FunctionSnapshotContext;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.runtime.operators.OneInputStreamOperator;
import io.sluice.runtime.operators.OperatorFactory;
import io.sluice.runtime.state.OperatorRestore;
import io.sluice.runtime.state.OperatorSubtaskState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointedFunctionHarnessTest {

    /** Buffers elements in a field until "flush"; checkpoints the buffer as split list state. */
    static final class Buffering implements FlatMapFunction<String, String>, CheckpointedFunction {
        private final List<String> buffer = new ArrayList<>();
        private transient ListState<String> state;
        boolean keyedStore;

        @Override
        public void flatMap(String value, Collector<String> out) {
            if (value.equals("flush")) {
                out.collect("flushed " + buffer);
                buffer.clear();
            } else {
                buffer.add(value);
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            state.update(buffer);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            keyedStore = context.getKeyedStateStore() != null;
            state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("buffer", Types.STRING));
            if (context.isRestored()) {
                state.get().forEach(buffer::add);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static OneInputStreamOperatorTestHarness<String, String> harness(
            Buffering f, int parallelism, int subtask) {
        return new OneInputStreamOperatorTestHarness<>(
                (OneInputStreamOperator<String, String>) OperatorFactory.create(new FlatMapSpec(f)),
                128,
                parallelism,
                subtask);
    }

    @Test
    void whenRescaledFrom2To3_thenTheBufferedElementsAreSplitInContiguousChunks() throws Exception {
        List<OperatorSubtaskState> old = new ArrayList<>();
        List<List<String>> inputs = List.of(List.of("a", "b"), List.of("c", "d", "e"));
        for (int i = 0; i < 2; i++) {
            OneInputStreamOperatorTestHarness<String, String> h = harness(new Buffering(), 2, i);
            h.open();
            for (String v : inputs.get(i)) {
                h.processElement(v, 1);
            }
            old.add(h.snapshot(7, 70));
            h.close();
        }

        List<String> flushed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Buffering f = new Buffering();
            OneInputStreamOperatorTestHarness<String, String> h = harness(f, 3, i);
            h.initializeState(new OperatorRestore(7, old));
            h.open();
            h.processElement("flush", 2);
            flushed.addAll(h.extractOutputValues());
            assertThat(f.keyedStore).isFalse();
            h.close();
        }
        assertThat(flushed).containsExactly("flushed [a, b]", "flushed [c, d]", "flushed [e]");
    }

    @Test
    void onAKeyedStream_theFunctionGetsAKeyedStateStore() throws Exception {
        Buffering f = new Buffering();
        KeyedOneInputStreamOperatorTestHarness<String, String, String> h =
                new KeyedOneInputStreamOperatorTestHarness<>(new FlatMapSpec(f), v -> v, Types.STRING);
        h.open();
        assertThat(f.keyedStore).isTrue();
    }
}
