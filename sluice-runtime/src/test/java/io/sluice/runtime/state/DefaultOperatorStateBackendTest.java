package io.sluice.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.common.ExecutionConfig;
import io.sluice.api.state.BroadcastState;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.typeinfo.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultOperatorStateBackendTest {
    private static final ListStateDescriptor<String> LIST = new ListStateDescriptor<>("list", Types.STRING);
    private static final ListStateDescriptor<Long> UNION = new ListStateDescriptor<>("union", Types.LONG);
    private static final MapStateDescriptor<String, Integer> RULES =
            new MapStateDescriptor<>("rules", Types.STRING, Types.INT);

    private final MemoryCheckpointStreamFactory streams = new MemoryCheckpointStreamFactory();

    private static DefaultOperatorStateBackend backend(int subtask) {
        return new DefaultOperatorStateBackend(new ExecutionConfig(), "test (" + (subtask + 1) + ")");
    }

    /** What one old subtask writes: its list elements, union elements and broadcast map. */
    private OperatorSubtaskState written(List<String> list, List<Long> union, Map<String, Integer> rules)
            throws Exception {
        DefaultOperatorStateBackend b = backend(0);
        b.getListState(LIST).update(list);
        b.getUnionListState(UNION).update(union);
        b.getBroadcastState(RULES).putAll(rules);
        return new OperatorSnapshot(null, b.snapshot(1)).write(streams);
    }

    private static DefaultOperatorStateBackend restored(List<OperatorSubtaskState> old, int subtask, int parallelism)
            throws Exception {
        DefaultOperatorStateBackend b = backend(subtask);
        b.restore(new OperatorRestore(1, old), subtask, parallelism);
        return b;
    }

    private static <T> List<T> list(ListState<T> state) throws Exception {
        List<T> out = new ArrayList<>();
        state.get().forEach(out::add);
        return out;
    }

    private static Map<String, Integer> map(BroadcastState<String, Integer> state) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        state.entries().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Test
    void whenNothingIsRegistered_thenSnapshotIsNull() throws Exception {
        assertThat(backend(0).snapshot(1)).isNull();
    }

    @Test
    void listUnionAndBroadcastState_roundTripThroughMemoryStreams() throws Exception {
        OperatorSubtaskState s = written(List.of("a", "b", "c"), List.of(7L, 8L), Map.of("x", 1, "y", 2));
        assertThat(s.operatorState()).hasSize(1);
        assertThat(s.operatorState()
                        .get(0)
                        .stateNameToPartitionOffsets()
                        .get("list")
                        .mode())
                .isEqualTo(OperatorStateHandle.Mode.SPLIT_DISTRIBUTE);
        assertThat(s.operatorState()
                        .get(0)
                        .stateNameToPartitionOffsets()
                        .get("list")
                        .offsets())
                .hasSize(3);
        assertThat(s.operatorState()
                        .get(0)
                        .stateNameToPartitionOffsets()
                        .get("rules")
                        .offsets())
                .hasSize(2);

        DefaultOperatorStateBackend b = restored(List.of(s), 0, 1);
        assertThat(b.getRegisteredStateNames()).containsExactlyInAnyOrder("list", "union");
        assertThat(b.getRegisteredBroadcastStateNames()).containsExactly("rules");
        assertThat(list(b.getListState(LIST))).containsExactly("a", "b", "c");
        assertThat(list(b.getUnionListState(UNION))).containsExactly(7L, 8L);
        assertThat(map(b.getBroadcastState(RULES))).isEqualTo(Map.of("x", 1, "y", 2));
    }

    @Test
    void restoredStatesNeverAskedFor_areCarriedIntoTheNextSnapshot() throws Exception {
        OperatorSubtaskState s = written(List.of("a", "bb"), List.of(7L), Map.of("x", 1));
        DefaultOperatorStateBackend middle = restored(List.of(s), 0, 1);
        // only the union list is used in the second run
        middle.getUnionListState(UNION).add(9L);
        OperatorSubtaskState s2 = new OperatorSnapshot(null, middle.snapshot(2)).write(streams);

        DefaultOperatorStateBackend b = restored(List.of(s2), 0, 1);
        assertThat(list(b.getListState(LIST))).containsExactly("a", "bb");
        assertThat(list(b.getUnionListState(UNION))).containsExactly(7L, 9L);
        assertThat(map(b.getBroadcastState(RULES))).isEqualTo(Map.of("x", 1));
    }

    @Test
    void rescaleFrom3To2_splitsEvenlyInContiguousChunks_unionGivesAll_broadcastOneCopy() throws Exception {
        Map<String, Integer> rules = Map.of("r", 5);
        List<OperatorSubtaskState> old = List.of(
                written(List.of("a", "b"), List.of(1L), rules),
                written(List.of("c"), List.of(2L), rules),
                written(List.of("d", "e"), List.of(3L, 4L), rules));

        DefaultOperatorStateBackend s0 = restored(old, 0, 2);
        DefaultOperatorStateBackend s1 = restored(old, 1, 2);
        assertThat(list(s0.getListState(LIST))).containsExactly("a", "b", "c");
        assertThat(list(s1.getListState(LIST))).containsExactly("d", "e");
        assertThat(list(s0.getUnionListState(UNION))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(list(s1.getUnionListState(UNION))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(map(s0.getBroadcastState(RULES))).isEqualTo(rules);
        assertThat(map(s1.getBroadcastState(RULES))).isEqualTo(rules);
    }

    @Test
    void rescaleFrom2To3_splitsEvenlyInContiguousChunks() throws Exception {
        Map<String, Integer> rules = Map.of("r", 5, "s", 6);
        List<OperatorSubtaskState> old =
                List.of(written(List.of("a", "b", "c"), List.of(1L), rules), written(List.of("d"), List.of(2L), rules));

        assertThat(list(restored(old, 0, 3).getListState(LIST))).containsExactly("a", "b");
        assertThat(list(restored(old, 1, 3).getListState(LIST))).containsExactly("c");
        assertThat(list(restored(old, 2, 3).getListState(LIST))).containsExactly("d");
        for (int i = 0; i < 3; i++) {
            DefaultOperatorStateBackend b = restored(old, i, 3);
            assertThat(list(b.getUnionListState(UNION))).containsExactly(1L, 2L);
            assertThat(map(b.getBroadcastState(RULES))).isEqualTo(rules);
        }
    }

    @Test
    void sameParallelism_eachSubtaskGetsItsOwnElements() throws Exception {
        List<OperatorSubtaskState> old = List.of(
                written(List.of("a", "b", "c"), List.of(), Map.of()), written(List.of("d"), List.of(), Map.of()));
        assertThat(list(restored(old, 0, 2).getListState(LIST))).containsExactly("a", "b", "c");
        assertThat(list(restored(old, 1, 2).getListState(LIST))).containsExactly("d");
    }

    @Test
    void changesAfterTheSyncPart_doNotAppearInTheSnapshot() throws Exception {
        DefaultOperatorStateBackend b = backend(0);
        ListState<String> l = b.getListState(LIST);
        BroadcastState<String, Integer> r = b.getBroadcastState(RULES);
        l.add("before");
        r.put("k", 1);
        SnapshotWriter<OperatorStateHandle> writer = b.snapshot(1);
        l.add("after");
        l.update(List.of("replaced"));
        r.put("k", 2);
        r.put("k2", 3);
        OperatorSubtaskState s = new OperatorSnapshot(null, writer).write(streams);

        DefaultOperatorStateBackend back = restored(List.of(s), 0, 1);
        assertThat(list(back.getListState(LIST))).containsExactly("before");
        assertThat(map(back.getBroadcastState(RULES))).isEqualTo(Map.of("k", 1));
    }

    @Test
    void whenAStateIsRestoredInAnotherMode_thenTheErrorNamesStateAndModes() throws Exception {
        OperatorSubtaskState s = written(List.of("a"), List.of(1L), Map.of());
        DefaultOperatorStateBackend b = restored(List.of(s), 0, 1);
        assertThatThrownBy(() -> b.getListState(new ListStateDescriptor<>("union", Types.LONG)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Operator state 'union' of test (1)")
                .hasMessageContaining("union list state (getUnionListState, UNION)")
                .hasMessageContaining("requested as a list state (getListState, SPLIT_DISTRIBUTE)");
        assertThatThrownBy(() -> b.getBroadcastState(new MapStateDescriptor<>("list", Types.STRING, Types.INT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Operator state 'list'")
                .hasMessageContaining("requested as a broadcast state");
        // the failed requests left the restored state intact
        assertThat(list(b.getUnionListState(UNION))).containsExactly(1L);
    }

    @Test
    void whenARegisteredStateIsAskedForInAnotherMode_thenItFails() throws Exception {
        DefaultOperatorStateBackend b = backend(0);
        b.getListState(LIST);
        assertThatThrownBy(() -> b.getUnionListState(LIST))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'list'");
        assertThat(b.getListState(LIST)).isSameAs(b.getListState(LIST));
    }

    @Test
    void listStateRejectsNulls_likeFlink() throws Exception {
        ListState<String> l = backend(0).getListState(LIST);
        assertThatThrownBy(() -> l.add(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("You cannot add null to a ListState.");
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> l.addAll(withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void immutableEntries_cannotBeModified() throws Exception {
        BroadcastState<String, Integer> r = backend(0).getBroadcastState(RULES);
        r.put("a", 1);
        assertThatThrownBy(() -> r.immutableEntries().iterator().next().setValue(2))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(r.get("a")).isEqualTo(1);
        assertThat(r.contains("a")).isTrue();
        r.remove("a");
        assertThat(r.contains("a")).isFalse();
    }
}
