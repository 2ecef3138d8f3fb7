package io.sluice.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.functions.AggregateFunction;
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
import io.sluice.api.typeinfo.Types;
import io.sluice.runtime.state.KeyGroupRange;
import io.sluice.runtime.state.KeyGroupRangeAssignment;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeapKeyedStateBackendTest {

    private static HeapKeyedStateBackend<Integer> fullRangeBackend() {
        return new HeapKeyedStateBackend<>(128, KeyGroupRange.of(0, 127), () -> 0L);
    }

    private static <T> List<T> toList(Iterable<T> iterable) {
        List<T> list = new ArrayList<>();
        iterable.forEach(list::add);
        return list;
    }

    /** Averages ints as "sum/count". */
    static final class AverageFunction implements AggregateFunction<Integer, long[], String> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Integer value, long[] acc) {
            acc[0] += value;
            acc[1]++;
            return acc;
        }

        @Override
        public String getResult(long[] acc) {
            return acc[0] + "/" + acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            a[1] += b[1];
            return a;
        }
    }

    @Test
    void valueState_isNullWhenUnset_holdsTheLastUpdate_andNullUpdateClears() throws Exception {
        HeapKeyedStateBackend<Integer> backend = fullRangeBackend();
        backend.setCurrentKey(1);
        ValueState<Long> state = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", Long.class));

        assertThat(state.value()).isNull();
        state.update(5L);
        state.update(7L);
        assertThat(state.value()).isEqualTo(7L);
        assertThat(backend.numKeys("count")).isEqualTo(1);

        state.update(null);
        assertThat(state.value()).isNull();
        assertThat(backend.numKeys("count")).isZero();

        state.update(3L);
        state.clear();
        assertThat(state.value()).isNull();
        assertThat(backend.numKeys("count")).isZero();
    }

    @Test
    void getOrCreateKeyedState_returnsTheSameObjectForTheSameName() {
        HeapKeyedStateBackend<Integer> backend = fullRangeBackend();
        ValueState<Long> first = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", Long.class));
        ValueState<Long> second = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", Types.LONG));
        assertThat(second).isSameAs(first);
        assertThat(backend.getStateNames()).containsExactly("count");
    }

    @Test
    void manyKeysInManyKeyGroups_eachSeeOnlyTheirOwnValues() throws Exception {
        HeapKeyedStateBackend<Integer> backend = fullRangeBackend();
        ValueState<Integer> value = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Integer.class));
        ListState<Integer> list = backend.getOrCreateKeyedState(new ListStateDescriptor<>("l", Integer.class));
        Set<Integer> keyGroups = new HashSet<>();
        for (int key = 0; key < 1000; key++) {
            keyGroups.add(KeyGroupRangeAssignment.assignToKeyGroup(key, 128));
            backend.setCurrentKey(key);
            value.update(key * 10);
            list.add(key);
            list.add(-key);
        }
        assertThat(keyGroups).hasSize(128);
        for (int key = 999; key >= 0; key--) {
            backend.setCurrentKey(key);
            assertThat(value.value()).isEqualTo(key * 10);
            assertThat(list.get()).containsExactly(key, -key);
        }
        assertThat(backend.numKeys("v")).isEqualTo(1000);
        assertThat(backend.numKeys("l")).isEqualTo(1000);
        List<Integer> keys = toList(backend.getKeys("v"));
        keys.sort(null);
        assertThat(keys).hasSize(1000).first().isEqualTo(0);
        assertThat(keys.get(999)).isEqualTo(999);

        backend.setCurrentKey(42);
        value.clear();
        assertThat(value.value()).isNull();
        backend.setCurrentKey(43);
        assertThat(value.value()).isEqualTo(430);
        assertThat(backend.numKeys("v")).isEqualTo(999);
    }

    @Test
    void listState_isEmptyWhenUnset_keepsInsertionOrder_andUpdateReplaces() throws Exception {
        HeapKeyedStateBackend<Integer> backend = fullRangeBackend();
        backend.setCurrentKey(7);
        ListState<String> state = backend.getOrCreateKeyedState(new ListStateDescriptor<>("words", String.class));

        assertThat(state.get()).isNotNull().isEmpty();
        state.add("a");
        state.addAll(List.of("b", "c"));
        state.addAll(List.of());
        state.add("a");
        assertThat(state.get()).containsExactly("a", "b", "c", "a");

        state.update(List.of("x", "y"));
        assertThat(state.get()).containsExactly("x", "y");

        state.update(List.of());
        assertThat(state.get()).isEmpty();
        assertThat(backend.numKeys("words")).isZero();

        state.add("z");
        state.clear();
        assertThat(state.get()).isEmpty();
    }

    @Test
    void listState_rejectsNullElementsWithAMessage_andLeavesTheListUnchanged() throws Exception {
        HeapKeyedStateBackend<Integer> backend = fullRangeBackend();
        backend.setCurrentKey(7);
        ListState<String> state = backend.getOrCreateKeyedState(new ListStateDescriptor<>("words", String.class));
        state.add("a");

        assertThatThrownBy(() -> state.add(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("Cannot add null to list state 'words': list state holds no nulls");
        assertThatThrownBy(() -> state.addAll(Arrays.asList("b", null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("Element 1 of the list passed to addAll() of list state 'words' is null:"
                        + " list state holds no nulls");
        assertThatThrownBy(() -> state.update(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("List passed to update() of list state 'words' is null");
        assertThat(state.get()).containsExactly("a");
    }

    @Test
    void listState_getIsReadOnly() throws Exception {
        HeapKeyedStateBackend<Integer> backend = fullRangeBackend();
        backend.setCurrentKey(7);
        ListState<String> state = backend.getOrCreateKeyedState(new ListStateDescriptor<>("words", String.class));
        state.add("a");
        Iterator<String> it = state.get().iterator();
        it.next();
        assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mapState_putGetRemoveContainsAndViews() throws Exception {
        HeapKeyedStateBackend<Integer> backend = fullRangeBackend();
        backend.setCurrentKey(1);
        MapState<String, Integer> state =
                backend.getOrCreateKeyedState(new MapStateDescriptor<>("m", String.class, Integer.class));

        assertThat(state.isEmpty()).isTrue();
        assertThat(state.get("a")).isNull();
        assertThat(state.contains("a")).isFalse();
        assertThat(toList(state.entries())).isEmpty();

        state.put("a", 1);
        state.putAll(Map.of("b", 2, "c", 3));
        state.put("n", null);
        state.put("a", 10);
        assertThat(state.get("a")).isEqualTo(10);
        assertThat(state.contains("n")).isTrue();
        assertThat(state.get("n")).isNull();
        assertThat(state.isEmpty()).isFalse();
        assertThat(toList(state.keys())).containsExactlyInAnyOrder("a", "b", "c", "n");
        assertThat(toList(state.values())).containsExactlyInAnyOrder(10, 2, 3, null);
        assertThat(toList(state.entries()))
                .containsExactlyInAnyOrder(
                        new SimpleImmutableEntry<>("a", 10),
                        new SimpleImmutableEntry<>("b", 2),
                        new SimpleImmutableEntry<>("c", 3),
                        new SimpleImmutableEntry<>("n", null));

        backend.setCurrentKey(2);
        assertThat(state.isEmpty()).isTrue();
        state.put("a", 99);

        backend.setCurrentKey(1);
        state.remove("n");
        state.remove("missing");
        Iterator<Map.Entry<String, Integer>> it = state.iterator();
        while (it.hasNext()) {
            if (it.next().getKey().equals("b")) {
                it.remove();
            }
        }
        assertThat(toList(state.keys())).containsExactlyInAnyOrder("a", "c");

        state.remove("a");
        state.remove("c");
        assertThat(state.isEmpty()).isTrue();
        assertThat(backend.numKeys("m")).isEqualTo(1);

        backend.setCurrentKey(2);
        assertThat(state.get("a")).isEqualTo(99);
        Iterator<String> keys = state.keys().iterator();
        keys.next();
        keys.remove();
        assertThat(backend.numKeys("m")).isZero();
    }

    @Test
    void reducingState_isNullWhenEmpty_reducesEachAddedValue_andAddingNullClears() throws Exception {
        HeapKeyedStateBackend<Integer> backend = fullRangeBackend();
        ReducingState<Long> sum =
                backend.getOrCreateKeyedState(new ReducingStateDescriptor<>("sum", (a, b) -> a + b, Long.class));
        backend.setCurrentKey(1);
        assertThat(sum.get()).isNull();
        sum.add(1L);
        sum.add(2L);
        sum.add(39L);
        backend.setCurrentKey(2);
        sum.add(100L);
        backend.setCurrentKey(1);
        assertThat(sum.get()).isEqualTo(42L);
        backend.setCurrentKey(2);
        assertThat(sum.get()).isEqualTo(100L);
        sum.add(null);
        assertThat(sum.get()).isNull();
        backend.setCurrentKey(1);
        sum.clear();
        assertThat(sum.get()).isNull();
        assertThat(backend.numKeys("sum")).isZero();
    }

    @Test
    void aggregatingState_createsTheAccumulatorOnFirstAdd_andReturnsTheResult() throws Exception {
        HeapKeyedStateBackend<Integer> backend = fullRangeBackend();
        AggregatingState<Integer, String> avg = backend.getOrCreateKeyedState(
                new AggregatingStateDescriptor<>("avg", new AverageFunction(), long[].class));
        backend.setCurrentKey(1);
        assertThat(avg.get()).isNull();
        avg.add(4);
        avg.add(6);
        avg.add(11);
        backend.setCurrentKey(2);
        avg.add(5);
        backend.setCurrentKey(1);
        assertThat(avg.get()).isEqualTo("21/3");
        backend.setCurrentKey(2);
        assertThat(avg.get()).isEqualTo("5/1");
        avg.add(null);
        assertThat(avg.get()).isNull();
        avg.add(1);
        assertThat(avg.get()).isEqualTo("1/1");
    }

    @Test
    void sameNameWithAnotherKindOfState_failsNamingBothKinds() {
        HeapKeyedStateBackend<Integer> backend = fullRangeBackend();
        backend.getOrCreateKeyedState(new ValueStateDescriptor<>("s", Long.class));
        assertThatThrownBy(() -> backend.getOrCreateKeyedState(new ListStateDescriptor<>("s", Long.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Keyed state 's' was created as VALUE state (ValueStateDescriptor) and is now"
                        + " requested as LIST state (ListStateDescriptor); give each state of an operator its"
                        + " own name");
    }

    @Test
    void keyOutsideTheBackendsKeyGroupRange_failsNamingKeyAndRange() {
        HeapKeyedStateBackend<Integer> backend = new HeapKeyedStateBackend<>(128, KeyGroupRange.of(0, 63), () -> 0L);
        backend.setCurrentKey(1); // key group 42
        assertThat(backend.getCurrentKey()).isEqualTo(1);
        assertThatThrownBy(() -> backend.setCurrentKey(0)) // key group 94
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Key '0' belongs to key group 94 (max parallelism 128), which is outside this"
                        + " backend's KeyGroupRange[0, 63]: the record was routed to the wrong subtask;"
                        + " partition with keyBy() using the same key selector and max parallelism as the"
                        + " keyed operator");
        assertThat(backend.getCurrentKey()).isEqualTo(1);
    }

    @Test
    void backendWithPartialRange_storesKeysOfItsKeyGroups() throws Exception {
        HeapKeyedStateBackend<Integer> backend = new HeapKeyedStateBackend<>(128, KeyGroupRange.of(64, 127), () -> 0L);
        ValueState<Integer> state = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Integer.class));
        backend.setCurrentKey(0); // key group 94
        state.update(1);
        backend.setCurrentKey(2); // key group 127, the last one
        state.update(2);
        backend.setCurrentKey(0);
        assertThat(state.value()).isEqualTo(1);
        backend.setCurrentKey(2);
        assertThat(state.value()).isEqualTo(2);
    }

    @Test
    void stateAccessBeforeSetCurrentKey_failsWithIllegalStateException() {
        HeapKeyedStateBackend<Integer> backend = fullRangeBackend();
        ValueState<Long> state = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("count", Long.class));
        assertThatThrownBy(state::value)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Keyed state 'count' needs a current key: it can only be used on a keyed stream"
                        + " (after keyBy()), inside processElement()/onTimer() or the like, not in open() or on"
                        + " a non-keyed stream");
        assertThat(backend.getCurrentKey()).isNull();
    }

    @Test
    void numKeysOfUnknownState_failsListingTheExistingStates() {
        HeapKeyedStateBackend<Integer> backend = fullRangeBackend();
        backend.getOrCreateKeyedState(new ValueStateDescriptor<>("a", Long.class));
        assertThatThrownBy(() -> backend.numKeys("b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No keyed state named 'b' in this backend; existing states: [a]");
    }
}
