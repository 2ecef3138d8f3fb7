package io.sluice.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.StateTtlConfig;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.windowing.windows.TimeWindow;
import io.sluice.runtime.operators.timers.InternalTimerServiceImpl;
import io.sluice.runtime.operators.timers.KeyContext;
import io.sluice.runtime.state.CheckpointStreamFactory;
import io.sluice.runtime.state.FileStateHandle;
import io.sluice.runtime.state.FsCheckpointStreamFactory;
import io.sluice.runtime.state.InternalKvState;
import io.sluice.runtime.state.KeyGroupRange;
import io.sluice.runtime.state.KeyGroupRangeAssignment;
import io.sluice.runtime.state.KeyGroupsStateHandle;
import io.sluice.runtime.state.MemoryCheckpointStreamFactory;
import io.sluice.runtime.state.SnapshotWriter;
import io.sluice.runtime.state.VoidNamespace;
import io.sluice.runtime.tasks.ManualProcessingTimeService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HeapKeyedStateSnapshotTest {
    private static final int MAX_PARALLELISM = 16;

    @TempDir
    static Path tempDir;

    private long now = 1_000;

    static Stream<Arguments> factories() {
        return Stream.of(
                Arguments.of("memory", new MemoryCheckpointStreamFactory()),
                Arguments.of("fs inline", new FsCheckpointStreamFactory(tempDir.resolve("inline"), 1 << 20, "t")),
                Arguments.of("fs file", new FsCheckpointStreamFactory(tempDir.resolve("files"), 16, "t")));
    }

    private HeapKeyedStateBackend<String> backend(KeyGroupRange range) {
        return new HeapKeyedStateBackend<>(MAX_PARALLELISM, range, () -> now);
    }

    private HeapKeyedStateBackend<String> fullBackend() {
        return backend(KeyGroupRange.of(0, MAX_PARALLELISM - 1));
    }

    private static ValueStateDescriptor<Long> valueDescriptor() {
        return new ValueStateDescriptor<>("value", Types.LONG);
    }

    private static ListStateDescriptor<String> listDescriptor() {
        return new ListStateDescriptor<>("list", Types.STRING);
    }

    private static MapStateDescriptor<String, Integer> mapDescriptor() {
        return new MapStateDescriptor<>("map", Types.STRING, Types.INT);
    }

    private static ReducingStateDescriptor<Long> reducingDescriptor() {
        return new ReducingStateDescriptor<>("reducing", Long::sum, Types.LONG);
    }

    private static AggregatingStateDescriptor<Integer, long[], String> aggregatingDescriptor() {
        return new AggregatingStateDescriptor<>(
                "aggregating", new HeapKeyedStateBackendTest.AverageFunction(), long[].class);
    }

    private static ValueStateDescriptor<String> ttlDescriptor() {
        ValueStateDescriptor<String> d = new ValueStateDescriptor<>("ttl", Types.STRING);
        d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).build());
        return d;
    }

    private static ListStateDescriptor<String> ttlListDescriptor() {
        ListStateDescriptor<String> d = new ListStateDescriptor<>("ttl-list", Types.STRING);
        d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).build());
        return d;
    }

    /** Fills every kind of state for keys a, b, c; the list also in two window namespaces. */
    private void fill(HeapKeyedStateBackend<String> backend) throws Exception {
        ValueState<Long> value = backend.getOrCreateKeyedState(valueDescriptor());
        ListState<String> list = backend.getOrCreateKeyedState(listDescriptor());
        MapState<String, Integer> map = backend.getOrCreateKeyedState(mapDescriptor());
        ReducingState<Long> reducing = backend.getOrCreateKeyedState(reducingDescriptor());
        AggregatingState<Integer, String> aggregating = backend.getOrCreateKeyedState(aggregatingDescriptor());
        ValueState<String> ttl = backend.getOrCreateKeyedState(ttlDescriptor());
        ListState<String> ttlList = backend.getOrCreateKeyedState(ttlListDescriptor());
        for (String key : List.of("a", "b", "c")) {
            backend.setCurrentKey(key);
            value.update((long) key.charAt(0));
            list.add(key + "1");
            list.add(key + "2");
            map.put("x", key.charAt(0) - 'a');
            map.put("y" + key, null);
            reducing.add(10L);
            reducing.add(5L);
            aggregating.add(4);
            aggregating.add(6);
            ttl.update("t-" + key);
            ttlList.add("l-" + key);
            InternalKvState<Object> windowed = (InternalKvState<Object>) list;
            windowed.setCurrentNamespace(new TimeWindow(0, 10));
            list.add(key + "@0");
            windowed.setCurrentNamespace(new TimeWindow(10, 20));
            list.add(key + "@10");
            windowed.setCurrentNamespace(VoidNamespace.INSTANCE);
        }
    }

    /** Every state's content for {@code keys}, as "state key [namespace] = value" lines. */
    private static List<String> contents(HeapKeyedStateBackend<String> backend, List<String> keys) throws Exception {
        ValueState<Long> value = backend.getOrCreateKeyedState(valueDescriptor());
        ListState<String> list = backend.getOrCreateKeyedState(listDescriptor());
        MapState<String, Integer> map = backend.getOrCreateKeyedState(mapDescriptor());
        ReducingState<Long> reducing = backend.getOrCreateKeyedState(reducingDescriptor());
        AggregatingState<Integer, String> aggregating = backend.getOrCreateKeyedState(aggregatingDescriptor());
        ValueState<String> ttl = backend.getOrCreateKeyedState(ttlDescriptor());
        ListState<String> ttlList = backend.getOrCreateKeyedState(ttlListDescriptor());
        List<String> lines = new ArrayList<>();
        for (String key : keys) {
            backend.setCurrentKey(key);
            lines.add("value " + key + " = " + value.value());
            lines.add("list " + key + " = " + toList(list.get()));
            InternalKvState<Object> windowed = (InternalKvState<Object>) list;
            for (TimeWindow w : List.of(new TimeWindow(0, 10), new TimeWindow(10, 20))) {
                windowed.setCurrentNamespace(w);
                lines.add("list " + key + " " + w + " = " + toList(list.get()));
            }
            windowed.setCurrentNamespace(VoidNamespace.INSTANCE);
            Map<String, Integer> sorted = new TreeMap<>();
            map.entries().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            lines.add("map " + key + " = " + sorted);
            lines.add("reducing " + key + " = " + reducing.get());
            lines.add("aggregating " + key + " = " + aggregating.get());
            lines.add("ttl " + key + " = " + ttl.value());
            lines.add("ttl-list " + key + " = " + toList(ttlList.get()));
        }
        return lines;
    }

    private static <T> List<T> toList(Iterable<T> iterable) {
        List<T> list = new ArrayList<>();
        iterable.forEach(list::add);
        return list;
    }

    private static List<String> expectedFilled(List<String> keys) {
        List<String> lines = new ArrayList<>();
        for (String key : keys) {
            int index = key.charAt(0) - 'a';
            lines.add("value " + key + " = " + (long) key.charAt(0));
            lines.add("list " + key + " = [" + key + "1, " + key + "2]");
            lines.add("list " + key + " TimeWindow{start=0, end=10} = [" + key + "@0]");
            lines.add("list " + key + " TimeWindow{start=10, end=20} = [" + key + "@10]");
            lines.add("map " + key + " = {x=" + index + ", y" + key + "=null}");
            lines.add("reducing " + key + " = 15");
            lines.add("aggregating " + key + " = 10/2");
            lines.add("ttl " + key + " = t-" + key);
            lines.add("ttl-list " + key + " = [l-" + key + "]");
        }
        return lines;
    }

    private static KeyGroupsStateHandle write(HeapKeyedStateBackend<?> backend, CheckpointStreamFactory streams)
            throws Exception {
        SnapshotWriter<KeyGroupsStateHandle> writer = backend.snapshot(1, List.of());
        return writer.write(streams);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factories")
    void everyStateKind_withNamespacesAndTtl_roundTrips(String name, CheckpointStreamFactory streams) throws Exception {
        HeapKeyedStateBackend<String> original = fullBackend();
        fill(original);
        KeyGroupsStateHandle handle = write(original, streams);
        if (name.equals("fs file")) {
            assertThat(handle.delegate()).isInstanceOf(FileStateHandle.class);
        }

        HeapKeyedStateBackend<String> restored = fullBackend();
        restored.restore(List.of(handle));

        assertThat(contents(restored, List.of("a", "b", "c"))).isEqualTo(expectedFilled(List.of("a", "b", "c")));
        assertThat(restored.numKeys("list")).isEqualTo(9);
        assertThat(restored.numNamespaces("list")).isEqualTo(3);
    }

    @Test
    void ttlTimestamps_surviveTheRoundTrip_soValuesExpireWhenTheyWouldHave() throws Exception {
        HeapKeyedStateBackend<String> original = fullBackend();
        fill(original); // written at time 1000, TTL 100 ms
        KeyGroupsStateHandle handle = write(original, new MemoryCheckpointStreamFactory());

        HeapKeyedStateBackend<String> restored = fullBackend();
        restored.restore(List.of(handle));
        ValueState<String> ttl = restored.getOrCreateKeyedState(ttlDescriptor());
        restored.setCurrentKey("a");
        now = 1_099;
        assertThat(ttl.value()).isEqualTo("t-a");
        restored.setCurrentKey("b");
        now = 1_100;
        assertThat(ttl.value()).isNull();
    }

    @Test
    void cleanupFullSnapshot_leavesExpiredValuesOut_otherwiseTheyAreWrittenAndReturnedIfAskedFor() throws Exception {
        for (boolean cleanup : new boolean[] {true, false}) {
            StateTtlConfig.Builder builder =
                    StateTtlConfig.newBuilder(Duration.ofMillis(100)).returnExpiredIfNotCleanedUp();
            StateTtlConfig ttl = (cleanup ? builder.cleanupFullSnapshot() : builder).build();
            ValueStateDescriptor<String> valueDescriptor = new ValueStateDescriptor<>("v", Types.STRING);
            ListStateDescriptor<String> listDescriptor = new ListStateDescriptor<>("l", Types.STRING);
            MapStateDescriptor<String, Integer> mapDescriptor = new MapStateDescriptor<>("m", Types.STRING, Types.INT);
            valueDescriptor.enableTimeToLive(ttl);
            listDescriptor.enableTimeToLive(ttl);
            mapDescriptor.enableTimeToLive(ttl);

            now = 1_000;
            HeapKeyedStateBackend<String> backend = fullBackend();
            ValueState<String> value = backend.getOrCreateKeyedState(valueDescriptor);
            ListState<String> list = backend.getOrCreateKeyedState(listDescriptor);
            MapState<String, Integer> map = backend.getOrCreateKeyedState(mapDescriptor);
            backend.setCurrentKey("old");
            value.update("old value");
            list.add("old element");
            map.put("old entry", 1);
            now = 1_050;
            backend.setCurrentKey("new");
            value.update("new value");
            list.add("new element");
            map.put("new entry", 2);
            backend.setCurrentKey("old");
            list.add("new element of old");
            map.put("new entry of old", 3);

            now = 1_120; // "old" values expired at 1100, "new" ones expire at 1150
            KeyGroupsStateHandle handle = write(backend, new MemoryCheckpointStreamFactory());
            HeapKeyedStateBackend<String> restored = fullBackend();
            restored.restore(List.of(handle));
            ValueState<String> rValue = restored.getOrCreateKeyedState(valueDescriptor);
            ListState<String> rList = restored.getOrCreateKeyedState(listDescriptor);
            MapState<String, Integer> rMap = restored.getOrCreateKeyedState(mapDescriptor);
            assertThat(restored.numKeys("v")).as("cleanup %s", cleanup).isEqualTo(cleanup ? 1 : 2);
            restored.setCurrentKey("old");
            assertThat(rValue.value()).as("cleanup %s", cleanup).isEqualTo(cleanup ? null : "old value");
            assertThat(toList(rList.get()))
                    .as("cleanup %s", cleanup)
                    .isEqualTo(cleanup ? List.of("new element of old") : List.of("old element", "new element of old"));
            Map<String, Integer> entries = new TreeMap<>();
            rMap.entries().forEach(e -> entries.put(e.getKey(), e.getValue()));
            assertThat(entries)
                    .as("cleanup %s", cleanup)
                    .isEqualTo(cleanup ? Map.of("new entry of old", 3) : Map.of("old entry", 1, "new entry of old", 3));
            restored.setCurrentKey("new");
            assertThat(rValue.value()).isEqualTo("new value");
        }
    }

    @Test
    void changesAfterTheSynchronousPart_areNotInTheSnapshot() throws Exception {
        HeapKeyedStateBackend<String> backend = fullBackend();
        fill(backend);
        SnapshotWriter<KeyGroupsStateHandle> writer = backend.snapshot(1, List.of());

        // change every state of every key, in place where the state allows it, and add a key
        ValueState<Long> value = backend.getOrCreateKeyedState(valueDescriptor());
        ListState<String> list = backend.getOrCreateKeyedState(listDescriptor());
        MapState<String, Integer> map = backend.getOrCreateKeyedState(mapDescriptor());
        ReducingState<Long> reducing = backend.getOrCreateKeyedState(reducingDescriptor());
        AggregatingState<Integer, String> aggregating = backend.getOrCreateKeyedState(aggregatingDescriptor());
        ValueState<String> ttl = backend.getOrCreateKeyedState(ttlDescriptor());
        for (String key : List.of("a", "b", "c", "d")) {
            backend.setCurrentKey(key);
            value.update(-1L);
            list.add("late");
            ((InternalKvState<Object>) list).setCurrentNamespace(new TimeWindow(0, 10));
            list.clear();
            ((InternalKvState<Object>) list).setCurrentNamespace(VoidNamespace.INSTANCE);
            map.put("x", 99);
            map.remove("y" + key);
            reducing.add(1L);
            aggregating.add(100); // the average accumulator is updated in place
            ttl.clear();
        }
        assertThat(contents(backend, List.of("a")))
                .contains("aggregating a = 110/3", "list a TimeWindow{start=0, end=10} = []");

        HeapKeyedStateBackend<String> restored = fullBackend();
        restored.restore(List.of(writer.write(new MemoryCheckpointStreamFactory())));
        assertThat(contents(restored, List.of("a", "b", "c"))).isEqualTo(expectedFilled(List.of("a", "b", "c")));
        assertThat(restored.numKeys("value")).isEqualTo(3);
    }

    @Test
    void twoSubtasks_restoredIntoThree_andIntoOne_eachGetsExactlyTheKeysOfItsKeyGroups() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add("k" + i);
        }
        List<KeyGroupsStateHandle> handles = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            KeyGroupRange range =
                    KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, 2, subtask);
            HeapKeyedStateBackend<String> old = backend(range);
            ValueState<String> state = old.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Types.STRING));
            for (String key : keys) {
                if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM))) {
                    old.setCurrentKey(key);
                    state.update("value of " + key);
                }
            }
            handles.add(write(old, new MemoryCheckpointStreamFactory()));
        }

        for (int parallelism : new int[] {3, 1}) {
            List<String> seen = new ArrayList<>();
            for (int subtask = 0; subtask < parallelism; subtask++) {
                KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                        MAX_PARALLELISM, parallelism, subtask);
                HeapKeyedStateBackend<String> restored = backend(range);
                restored.restore(handles);
                ValueState<String> state =
                        restored.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Types.STRING));
                List<String> expected = new ArrayList<>();
                for (String key : keys) {
                    if (range.contains(KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM))) {
                        expected.add(key);
                        restored.setCurrentKey(key);
                        assertThat(state.value()).isEqualTo("value of " + key);
                    }
                }
                List<String> restoredKeys = toList(restored.getKeys("v"));
                assertThat(restoredKeys).containsExactlyInAnyOrderElementsOf(expected);
                seen.addAll(restoredKeys);
            }
            assertThat(seen).as("parallelism " + parallelism).containsExactlyInAnyOrderElementsOf(keys);
        }
    }

    @Test
    void restoreWithAnotherMaxParallelism_failsWithAClearMessage() throws Exception {
        HeapKeyedStateBackend<String> original = fullBackend();
        fill(original);
        KeyGroupsStateHandle handle = write(original, new MemoryCheckpointStreamFactory());

        HeapKeyedStateBackend<String> other = new HeapKeyedStateBackend<>(32, KeyGroupRange.of(0, 31), () -> 0L);
        assertThatThrownBy(() -> other.restore(List.of(handle)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("max parallelism 16 into an operator with max parallelism 32");
    }

    @Test
    void aStateRequestedAsAnotherKind_afterRestore_failsNamingIt() throws Exception {
        HeapKeyedStateBackend<String> original = fullBackend();
        fill(original);
        KeyGroupsStateHandle handle = write(original, new MemoryCheckpointStreamFactory());
        HeapKeyedStateBackend<String> restored = fullBackend();
        restored.restore(List.of(handle));

        assertThatThrownBy(() -> restored.getOrCreateKeyedState(new ListStateDescriptor<>("value", Types.LONG)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Keyed state 'value' was checkpointed as VALUE state without TTL");
    }

    @Test
    void restoredStates_notAskedFor_areWrittenAgainByTheNextSnapshot() throws Exception {
        HeapKeyedStateBackend<String> original = fullBackend();
        fill(original);
        HeapKeyedStateBackend<String> middle = fullBackend();
        middle.restore(List.of(write(original, new MemoryCheckpointStreamFactory())));
        ValueState<Long> value = middle.getOrCreateKeyedState(valueDescriptor()); // only this one is used
        middle.setCurrentKey("a");
        value.update(42L);

        HeapKeyedStateBackend<String> last = fullBackend();
        last.restore(List.of(write(middle, new MemoryCheckpointStreamFactory())));
        List<String> expected = new ArrayList<>(expectedFilled(List.of("a", "b", "c")));
        expected.set(0, "value a = 42");
        assertThat(contents(last, List.of("a", "b", "c"))).isEqualTo(expected);
    }

    @Test
    void snapshotOfAnEmptyBackend_writesNothing() {
        assertThat(fullBackend().snapshot(1, List.of())).isNull();
    }

    @Test
    void whileTheSnapshotThreadWrites_theTaskThreadKeepsChangingState_andEachSnapshotHoldsItsCut() throws Exception {
        HeapKeyedStateBackend<String> backend = fullBackend();
        ValueState<Long> value = backend.getOrCreateKeyedState(valueDescriptor());
        ListState<String> list = backend.getOrCreateKeyedState(listDescriptor());
        AggregatingState<Integer, String> aggregating = backend.getOrCreateKeyedState(aggregatingDescriptor());
        Map<String, Long> shadowValue = new TreeMap<>();
        Map<String, Integer> shadowList = new TreeMap<>();
        Map<String, long[]> shadowAggregate = new TreeMap<>();
        ExecutorService snapshotThread = Executors.newSingleThreadExecutor();
        Random random = new Random(42);
        try {
            for (int round = 0; round < 20; round++) {
                SnapshotWriter<KeyGroupsStateHandle> writer = backend.snapshot(round, List.of());
                Map<String, Long> expectedValue = new TreeMap<>(shadowValue);
                Map<String, Integer> expectedList = new TreeMap<>(shadowList);
                Map<String, String> expectedAggregate = new TreeMap<>();
                shadowAggregate.forEach((k, a) -> expectedAggregate.put(k, a[0] + "/" + a[1]));
                var handle = snapshotThread.submit(
                        () -> writer == null ? null : writer.write(new MemoryCheckpointStreamFactory()));
                for (int i = 0; i < 5_000; i++) {
                    String key = "k" + random.nextInt(500);
                    backend.setCurrentKey(key);
                    switch (random.nextInt(4)) {
                        case 0 -> {
                            value.update((long) i);
                            shadowValue.put(key, (long) i);
                        }
                        case 1 -> {
                            list.add("e" + i);
                            shadowList.merge(key, 1, Integer::sum);
                        }
                        case 2 -> {
                            aggregating.add(i);
                            long[] a = shadowAggregate.computeIfAbsent(key, k -> new long[2]);
                            a[0] += i;
                            a[1]++;
                        }
                        default -> {
                            value.clear();
                            list.clear();
                            aggregating.clear();
                            shadowValue.remove(key);
                            shadowList.remove(key);
                            shadowAggregate.remove(key);
                        }
                    }
                }
                KeyGroupsStateHandle written = handle.get();
                HeapKeyedStateBackend<String> restored = fullBackend();
                if (written != null) {
                    restored.restore(List.of(written));
                }
                ValueState<Long> rValue = restored.getOrCreateKeyedState(valueDescriptor());
                ListState<String> rList = restored.getOrCreateKeyedState(listDescriptor());
                AggregatingState<Integer, String> rAggregate = restored.getOrCreateKeyedState(aggregatingDescriptor());
                Map<String, Long> actualValue = new TreeMap<>();
                Map<String, Integer> actualList = new TreeMap<>();
                Map<String, String> actualAggregate = new TreeMap<>();
                for (int k = 0; k < 500; k++) {
                    String key = "k" + k;
                    restored.setCurrentKey(key);
                    if (rValue.value() != null) {
                        actualValue.put(key, rValue.value());
                    }
                    int n = toList(rList.get()).size();
                    if (n > 0) {
                        actualList.put(key, n);
                    }
                    if (rAggregate.get() != null) {
                        actualAggregate.put(key, rAggregate.get());
                    }
                }
                assertThat(actualValue).as("round %d", round).isEqualTo(expectedValue);
                assertThat(actualList).as("round %d", round).isEqualTo(expectedList);
                assertThat(actualAggregate).as("round %d", round).isEqualTo(expectedAggregate);
            }
        } finally {
            snapshotThread.shutdownNow();
        }
    }

    /**
     * Not a benchmark, a guard: the synchronous part must not grow with the number of keys
     * beyond array copies. Prints the measured times (100k keys, 128 key groups, 100k timers).
     */
    @Test
    void syncPartFor100kKeysAndTimers_isCheap() throws Exception {
        HeapKeyedStateBackend<Object> backend = new HeapKeyedStateBackend<>(128, KeyGroupRange.of(0, 127), () -> now);
        ValueState<Long> value = backend.getOrCreateKeyedState(valueDescriptor());
        Object[] currentKey = new Object[1];
        KeyContext keys = new KeyContext() {
            @Override
            public Object getCurrentKey() {
                return currentKey[0];
            }

            @Override
            public void setCurrentKey(Object key) {
                currentKey[0] = key;
                backend.setCurrentKey(key);
            }
        };
        InternalTimerServiceImpl<Object, VoidNamespace> timers =
                new InternalTimerServiceImpl<>("timers", keys, new ManualProcessingTimeService(), null);
        for (int i = 0; i < 100_000; i++) {
            keys.setCurrentKey("key" + i);
            value.update((long) i);
            timers.registerEventTimeTimer(VoidNamespace.INSTANCE, i);
        }
        long bestStates = Long.MAX_VALUE;
        long bestTimers = Long.MAX_VALUE;
        long bestWrite = Long.MAX_VALUE;
        long bestTouch = Long.MAX_VALUE;
        long bestTouchUnshared = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            TimersSnapshot timerCut = timers.snapshotTimers();
            long afterTimers = System.nanoTime();
            SnapshotWriter<KeyGroupsStateHandle> writer = backend.snapshot(round, List.of(timerCut));
            long afterStates = System.nanoTime();
            bestTimers = Math.min(bestTimers, afterTimers - start);
            bestStates = Math.min(bestStates, afterStates - afterTimers);
            start = System.nanoTime();
            writer.write(new MemoryCheckpointStreamFactory());
            bestWrite = Math.min(bestWrite, System.nanoTime() - start);
            // every key once: the first access per key group copies that key group's map
            bestTouch = Math.min(bestTouch, touchAll(backend, value));
            bestTouchUnshared = Math.min(bestTouchUnshared, touchAll(backend, value));
        }
        System.out.printf(
                "100k keys, 128 key groups: sync part states %.3f ms + timers %.3f ms; async write %.1f ms;"
                        + " one pass over all keys after a snapshot %.1f ms, without %.1f ms%n",
                bestStates / 1e6, bestTimers / 1e6, bestWrite / 1e6, bestTouch / 1e6, bestTouchUnshared / 1e6);
        assertThat(bestStates + bestTimers).isLessThan(50_000_000L);
    }

    private static long touchAll(HeapKeyedStateBackend<Object> backend, ValueState<Long> value) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            backend.setCurrentKey("key" + i);
            value.update(value.value() + 1);
        }
        return System.nanoTime() - start;
    }
}
