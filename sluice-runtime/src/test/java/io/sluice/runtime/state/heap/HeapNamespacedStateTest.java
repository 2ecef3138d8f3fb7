package io.sluice.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.runtime.state.InternalKvState;
import io.sluice.runtime.state.InternalMergingState;
import io.sluice.runtime.state.KeyGroupRange;
import io.sluice.runtime.state.VoidNamespace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapNamespacedStateTest {

    private static HeapKeyedStateBackend<Integer> backend() {
        return new HeapKeyedStateBackend<>(128, KeyGroupRange.of(0, 127), () -> 0L);
    }

    private static <T> List<T> toList(Iterable<T> iterable) {
        List<T> list = new ArrayList<>();
        iterable.forEach(list::add);
        return list;
    }

    @Test
    @SuppressWarnings("unchecked")
    void namespacesAreIndependent_perKey_andVoidIsTheDefault() throws Exception {
        HeapKeyedStateBackend<Integer> backend = backend();
        backend.setCurrentKey(1);
        ValueState<String> state = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", String.class));
        InternalKvState<Object> kv = (InternalKvState<Object>) state;
        state.update("void");
        kv.setCurrentNamespace("a");
        assertThat(state.value()).isNull();
        state.update("a1");
        backend.setCurrentKey(2);
        state.update("a2");
        kv.setCurrentNamespace("b");
        state.update("b2");
        kv.setCurrentNamespace(VoidNamespace.INSTANCE);
        assertThat(state.value()).isNull();
        backend.setCurrentKey(1);
        assertThat(state.value()).isEqualTo("void");
        kv.setCurrentNamespace("a");
        assertThat(state.value()).isEqualTo("a1");
        assertThat(backend.numKeys("v")).isEqualTo(4);
        assertThat(backend.numNamespaces("v")).isEqualTo(3);
        assertThat(toList(backend.getKeys("v"))).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aNamespaceIsDroppedWhenItsLastValueIsRemoved_andComesBackOnWrite() throws Exception {
        HeapKeyedStateBackend<Integer> backend = backend();
        backend.setCurrentKey(1);
        ListState<Integer> list = backend.getPartitionedState("w", new ListStateDescriptor<>("l", Integer.class));
        list.add(1);
        backend.setCurrentKey(2);
        list.add(2);
        assertThat(backend.numNamespaces("l")).isEqualTo(2);
        list.clear();
        assertThat(backend.numNamespaces("l")).isEqualTo(2);
        backend.setCurrentKey(1);
        list.clear();
        assertThat(backend.numNamespaces("l")).isEqualTo(1);
        assertThat(backend.numKeys("l")).isZero();
        list.add(3);
        assertThat(toList(list.get())).containsExactly(3);
        assertThat(backend.numNamespaces("l")).isEqualTo(2);
        // the void namespace is never dropped
        ((InternalKvState<Object>) (Object) list).setCurrentNamespace(VoidNamespace.INSTANCE);
        list.add(9);
        list.clear();
        assertThat(backend.numNamespaces("l")).isEqualTo(2);
        assertThat(backend.numKeys("l")).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void mergeNamespaces_reducing_targetFirst_sourcesRemoved_currentNamespaceKept() throws Exception {
        HeapKeyedStateBackend<Integer> backend = backend();
        backend.setCurrentKey(7);
        ReducingState<String> state =
                backend.getOrCreateKeyedState(new ReducingStateDescriptor<>("r", (a, b) -> a + "+" + b, String.class));
        InternalMergingState<Object> merging = (InternalMergingState<Object>) state;
        merging.setCurrentNamespace("t");
        state.add("t");
        merging.setCurrentNamespace("s1");
        state.add("s1");
        merging.setCurrentNamespace("s2");
        state.add("s2");
        merging.setCurrentNamespace("x");
        merging.mergeNamespaces("t", List.of("s1", "empty", "s2"));
        assertThat(state.get()).isNull();
        merging.setCurrentNamespace("t");
        assertThat(state.get()).isEqualTo("t+s1+s2");
        merging.setCurrentNamespace("s1");
        assertThat(state.get()).isNull();
        assertThat(backend.numNamespaces("r")).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void mergeNamespaces_aggregatingAndList_intoAnEmptyTarget() throws Exception {
        HeapKeyedStateBackend<Integer> backend = backend();
        backend.setCurrentKey(3);
        AggregatingState<Integer, String> agg = backend.getOrCreateKeyedState(
                new AggregatingStateDescriptor<>("a", new HeapKeyedStateBackendTest.AverageFunction(), long[].class));
        ListState<Integer> list = backend.getOrCreateKeyedState(new ListStateDescriptor<>("l", Integer.class));
        InternalMergingState<Object> mergingAgg = (InternalMergingState<Object>) agg;
        InternalMergingState<Object> mergingList = (InternalMergingState<Object>) list;
        for (String ns : List.of("a", "b")) {
            mergingAgg.setCurrentNamespace(ns);
            mergingList.setCurrentNamespace(ns);
            for (int i = 1; i <= (ns.equals("a") ? 2 : 3); i++) {
                agg.add(i);
                list.add(i);
            }
        }
        mergingAgg.mergeNamespaces("m", List.of("a", "b"));
        mergingList.mergeNamespaces("m", List.of("a", "b"));
        mergingAgg.setCurrentNamespace("m");
        mergingList.setCurrentNamespace("m");
        assertThat(agg.get()).isEqualTo("9/5");
        assertThat(toList(list.get())).containsExactly(1, 2, 1, 2, 3);
        assertThat(backend.numNamespaces("a")).isEqualTo(2);
        assertThat(backend.numNamespaces("l")).isEqualTo(2);
    }
}
