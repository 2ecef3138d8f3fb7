package io.sluice.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.functions.RichMapFunction;
import io.sluice.api.state.CheckpointListener;
import io.sluice.api.state.CheckpointedFunction;
import io.sluice.api.state.FunctionInitializationContext;
import io.sluice.api.state.FunctionSnapshotContext;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.typeinfo.Types;
import io.sluice.runtime.graph.StreamNode;
import io.sluice.runtime.state.MemoryCheckpointStreamFactory;
import io.sluice.runtime.state.OperatorRestore;
import io.sluice.runtime.state.OperatorSubtaskState;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointedFunctionTest {

    /** Numbers its elements ("a" -> "1:a"); keeps the count and the elements seen in operator state. */
    static final class Numbering extends RichMapFunction<String, String>
            implements CheckpointedFunction, CheckpointListener {
        final List<String> calls = new ArrayList<>();
        long count;
        final List<String> seen = new ArrayList<>();
        private transient ListState<Long> countState;
        private transient ListState<String> seenState;

        @Override
        public String map(String value) {
            count++;
            seen.add(value);
            return count + ":" + value;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            calls.add("initializeState restored=" + context.isRestored() + " id=" + context.getRestoredCheckpointId()
                    + " keyed=" + (context.getKeyedStateStore() != null));
            countState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("count", Types.LONG));
            seenState =
                    context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("seen", Types.STRING));
            for (Long c : countState.get()) {
                count += c;
            }
            for (String s : seenState.get()) {
                seen.add(s);
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            calls.add("snapshotState " + context.getCheckpointId() + "@" + context.getCheckpointTimestamp());
            countState.update(List.of(count));
            seenState.update(seen);
        }

        @Override
        public void open(io.sluice.api.functions.OpenContext openContext) {
            calls.add("open");
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            calls.add("complete " + checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) {
            calls.add("aborted " + checkpointId);
        }
    }

    private static StreamMap<String, String> operator(Numbering f, OperatorHarness h) {
        return h.setup(new StreamMap<>(f), StreamNode.Kind.OPERATOR, null, null, null);
    }

    @Test
    void whenAMapFunctionIsCheckpointed_thenAFreshInstanceRestoresItsState() throws Exception {
        OperatorHarness h1 = new OperatorHarness();
        Numbering f1 = new Numbering();
        StreamMap<String, String> op1 = operator(f1, h1);
        op1.initializeState(StateInitializationContext.FRESH);
        op1.open();
        op1.processElement(new StreamRecord<>("a"));
        op1.processElement(new StreamRecord<>("b"));
        OperatorSubtaskState state = op1.snapshotState(3, 1000).write(new MemoryCheckpointStreamFactory());
        op1.processElement(new StreamRecord<>("after the checkpoint"));
        op1.notifyCheckpointComplete(3);
        op1.notifyCheckpointAborted(4);
        assertThat(h1.output.take()).containsExactly("r:1:a", "r:2:b", "r:3:after the checkpoint");
        assertThat(f1.calls)
                .containsExactly(
                        "initializeState restored=false id=OptionalLong.empty keyed=false",
                        "open",
                        "snapshotState 3@1000",
                        "complete 3",
                        "aborted 4");
        assertThat(state.keyedState()).isEmpty();
        assertThat(state.operatorState()).hasSize(1);

        OperatorHarness h2 = new OperatorHarness();
        Numbering f2 = new Numbering();
        StreamMap<String, String> op2 = operator(f2, h2);
        op2.initializeState(new StateInitializationContext(new OperatorRestore(3, List.of(state))));
        op2.open();
        op2.processElement(new StreamRecord<>("c"));
        assertThat(h2.output.take()).containsExactly("r:3:c");
        assertThat(f2.seen).containsExactly("a", "b", "c");
        assertThat(f2.calls).containsExactly("initializeState restored=true id=OptionalLong[3] keyed=false", "open");
        assertThat(op2.getOperatorStateBackend().getRegisteredStateNames()).containsExactly("count", "seen");
    }

    @Test
    void whenInitializeStateWasNotCalled_thenOpenInitializesFresh() throws Exception {
        OperatorHarness h = new OperatorHarness();
        Numbering f = new Numbering();
        StreamMap<String, String> op = operator(f, h);
        op.open();
        assertThat(f.calls).containsExactly("initializeState restored=false id=OptionalLong.empty keyed=false", "open");
    }

    @Test
    void whenTheOperatorHasNoState_thenItsSnapshotIsEmpty() throws Exception {
        OperatorHarness h = new OperatorHarness();
        StreamMap<String, String> op =
                h.setup(new StreamMap<String, String>(v -> v), StreamNode.Kind.OPERATOR, null, null, null);
        op.initializeState(StateInitializationContext.FRESH);
        op.open();
        assertThat(op.snapshotState(1, 1)
                        .write(new MemoryCheckpointStreamFactory())
                        .isEmpty())
                .isTrue();
    }
}
