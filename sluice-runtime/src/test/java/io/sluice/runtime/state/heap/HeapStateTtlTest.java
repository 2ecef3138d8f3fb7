package io.sluice.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.state.StateTtlConfig;
import io.sluice.api.state.StateTtlConfig.StateVisibility;
import io.sluice.api.state.StateTtlConfig.UpdateType;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.runtime.state.KeyGroupRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapStateTtlTest {

    /** A clock the test sets. */
    private static final class FakeTime implements TtlTimeProvider {
        long now;

        @Override
        public long currentTimestamp() {
            return now;
        }
    }

    private final FakeTime time = new FakeTime();
    private final HeapKeyedStateBackend<String> backend =
            new HeapKeyedStateBackend<>(128, KeyGroupRange.of(0, 127), time);

    private static StateTtlConfig ttl(UpdateType updateType, StateVisibility visibility) {
        return StateTtlConfig.newBuilder(Duration.ofMillis(100))
                .setUpdateType(updateType)
                .setStateVisibility(visibility)
                .build();
    }

    private <D extends StateDescriptor<?, ?>> D withTtl(D descriptor, UpdateType updateType, StateVisibility vis) {
        descriptor.enableTimeToLive(ttl(updateType, vis));
        return descriptor;
    }

    private static <T> List<T> toList(Iterable<T> iterable) {
        List<T> list = new ArrayList<>();
        iterable.forEach(list::add);
        return list;
    }

    @Test
    void valueExpiresExactlyTtlAfterTheWrite() throws Exception {
        ValueState<String> state = backend.getOrCreateKeyedState(withTtl(
                new ValueStateDescriptor<>("v", String.class),
                UpdateType.OnCreateAndWrite,
                StateVisibility.NeverReturnExpired));
        backend.setCurrentKey("k");
        time.now = 1000;
        state.update("x");
        time.now = 1099;
        assertThat(state.value()).isEqualTo("x");
        time.now = 1100;
        assertThat(state.value()).isNull();
        assertThat(backend.numKeys("v")).isZero();
    }

    @Test
    void onCreateAndWrite_readsDoNotExtendTheTtl_writesDo() throws Exception {
        ValueState<String> state = backend.getOrCreateKeyedState(withTtl(
                new ValueStateDescriptor<>("v", String.class),
                UpdateType.OnCreateAndWrite,
                StateVisibility.NeverReturnExpired));
        backend.setCurrentKey("k");
        time.now = 0;
        state.update("x");
        time.now = 90;
        assertThat(state.value()).isEqualTo("x");
        time.now = 100;
        assertThat(state.value()).isNull();

        state.update("y");
        time.now = 150;
        state.update("z");
        time.now = 249;
        assertThat(state.value()).isEqualTo("z");
        time.now = 250;
        assertThat(state.value()).isNull();
    }

    @Test
    void onReadAndWrite_eachReadExtendsTheTtl() throws Exception {
        ValueState<String> state = backend.getOrCreateKeyedState(withTtl(
                new ValueStateDescriptor<>("v", String.class),
                UpdateType.OnReadAndWrite,
                StateVisibility.NeverReturnExpired));
        backend.setCurrentKey("k");
        time.now = 0;
        state.update("x");
        time.now = 90;
        assertThat(state.value()).isEqualTo("x");
        time.now = 180;
        assertThat(state.value()).isEqualTo("x");
        time.now = 279;
        assertThat(state.value()).isEqualTo("x");
        time.now = 379;
        assertThat(state.value()).isNull();
    }

    @Test
    void returnExpiredIfNotCleanedUp_returnsTheExpiredValueOnceThenNothing() throws Exception {
        ValueState<String> state = backend.getOrCreateKeyedState(withTtl(
                new ValueStateDescriptor<>("v", String.class),
                UpdateType.OnCreateAndWrite,
                StateVisibility.ReturnExpiredIfNotCleanedUp));
        backend.setCurrentKey("k");
        state.update("x");
        time.now = 100;
        assertThat(state.value()).isEqualTo("x");
        assertThat(backend.numKeys("v")).isZero();
        assertThat(state.value()).isNull();
    }

    @Test
    void ttlIsPerKey() throws Exception {
        ValueState<String> state = backend.getOrCreateKeyedState(withTtl(
                new ValueStateDescriptor<>("v", String.class),
                UpdateType.OnCreateAndWrite,
                StateVisibility.NeverReturnExpired));
        backend.setCurrentKey("a");
        state.update("A");
        time.now = 50;
        backend.setCurrentKey("b");
        state.update("B");
        time.now = 100;
        assertThat(state.value()).isEqualTo("B");
        backend.setCurrentKey("a");
        assertThat(state.value()).isNull();
        time.now = 150;
        backend.setCurrentKey("b");
        assertThat(state.value()).isNull();
    }

    @Test
    void listElementsExpireOneByOne() throws Exception {
        ListState<Integer> state = backend.getOrCreateKeyedState(withTtl(
                new ListStateDescriptor<>("l", Integer.class),
                UpdateType.OnCreateAndWrite,
                StateVisibility.NeverReturnExpired));
        backend.setCurrentKey("k");
        state.add(1);
        time.now = 50;
        state.addAll(List.of(2, 3));
        time.now = 99;
        assertThat(state.get()).containsExactly(1, 2, 3);
        time.now = 100;
        assertThat(state.get()).containsExactly(2, 3);
        time.now = 150;
        assertThat(state.get()).isEmpty();
        assertThat(backend.numKeys("l")).isZero();
    }

    @Test
    void listWithReturnExpiredIfNotCleanedUp_returnsExpiredElementsOnce() throws Exception {
        ListState<Integer> state = backend.getOrCreateKeyedState(withTtl(
                new ListStateDescriptor<>("l", Integer.class),
                UpdateType.OnCreateAndWrite,
                StateVisibility.ReturnExpiredIfNotCleanedUp));
        backend.setCurrentKey("k");
        state.add(1);
        time.now = 50;
        state.add(2);
        time.now = 100;
        assertThat(state.get()).containsExactly(1, 2);
        assertThat(state.get()).containsExactly(2);
    }

    @Test
    void listWithOnReadAndWrite_readExtendsEveryElement() throws Exception {
        ListState<Integer> state = backend.getOrCreateKeyedState(withTtl(
                new ListStateDescriptor<>("l", Integer.class),
                UpdateType.OnReadAndWrite,
                StateVisibility.NeverReturnExpired));
        backend.setCurrentKey("k");
        state.update(List.of(1, 2));
        time.now = 99;
        assertThat(state.get()).containsExactly(1, 2);
        time.now = 198;
        assertThat(state.get()).containsExactly(1, 2);
        time.now = 298;
        assertThat(state.get()).isEmpty();
    }

    @Test
    void mapEntriesExpireOneByOne_andReadsExtendOnlyTheEntryRead() throws Exception {
        MapState<String, Integer> state = backend.getOrCreateKeyedState(withTtl(
                new MapStateDescriptor<>("m", String.class, Integer.class),
                UpdateType.OnReadAndWrite,
                StateVisibility.NeverReturnExpired));
        backend.setCurrentKey("k");
        state.put("a", 1);
        state.put("b", 2);
        time.now = 60;
        assertThat(state.get("a")).isEqualTo(1);
        time.now = 100;
        assertThat(state.contains("b")).isFalse();
        assertThat(toList(state.keys())).containsExactly("a");
        time.now = 159;
        assertThat(state.isEmpty()).isFalse();
        time.now = 259;
        assertThat(state.isEmpty()).isTrue();
        assertThat(backend.numKeys("m")).isZero();
    }

    @Test
    void mapWithReturnExpiredIfNotCleanedUp_returnsAnExpiredEntryOnce() throws Exception {
        MapState<String, Integer> state = backend.getOrCreateKeyedState(withTtl(
                new MapStateDescriptor<>("m", String.class, Integer.class),
                UpdateType.OnCreateAndWrite,
                StateVisibility.ReturnExpiredIfNotCleanedUp));
        backend.setCurrentKey("k");
        state.put("a", 1);
        state.put("b", 2);
        time.now = 100;
        assertThat(state.get("a")).isEqualTo(1);
        assertThat(state.get("a")).isNull();
        assertThat(toList(state.values())).containsExactly(2);
        assertThat(toList(state.values())).isEmpty();
    }

    @Test
    void reducingStateRestartsTheReductionAfterExpiry() throws Exception {
        ReducingState<Long> sum = backend.getOrCreateKeyedState(withTtl(
                new ReducingStateDescriptor<>("sum", (a, b) -> a + b, Long.class),
                UpdateType.OnCreateAndWrite,
                StateVisibility.NeverReturnExpired));
        backend.setCurrentKey("k");
        sum.add(1L);
        time.now = 99;
        sum.add(2L); // the write extends the TTL to 199
        time.now = 198;
        assertThat(sum.get()).isEqualTo(3L);
        time.now = 199;
        sum.add(10L);
        assertThat(sum.get()).isEqualTo(10L);
    }

    @Test
    void aggregatingStateStartsANewAccumulatorAfterExpiry() throws Exception {
        AggregatingState<Integer, String> avg = backend.getOrCreateKeyedState(withTtl(
                new AggregatingStateDescriptor<>("avg", new HeapKeyedStateBackendTest.AverageFunction(), long[].class),
                UpdateType.OnCreateAndWrite,
                StateVisibility.NeverReturnExpired));
        backend.setCurrentKey("k");
        avg.add(4);
        avg.add(6);
        time.now = 99;
        assertThat(avg.get()).isEqualTo("10/2");
        time.now = 100;
        assertThat(avg.get()).isNull();
        avg.add(7);
        assertThat(avg.get()).isEqualTo("7/1");
    }

    @Test
    void withoutTtl_theValueItselfIsStored_withTtl_itIsWrappedWithItsTimestamp() throws Exception {
        ValueState<Long> plain = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("plain", Long.class));
        ValueState<Long> timed = backend.getOrCreateKeyedState(withTtl(
                new ValueStateDescriptor<>("timed", Long.class),
                UpdateType.OnCreateAndWrite,
                StateVisibility.NeverReturnExpired));
        backend.setCurrentKey("k");
        Long value = 123456L;
        time.now = 7;
        plain.update(value);
        timed.update(value);
        assertThat(((AbstractHeapState<?, ?>) plain).getStored()).isSameAs(value);
        assertThat(((AbstractHeapState<?, ?>) timed).getStored()).isEqualTo(new TtlValue<>(value, 7L));
    }

    @Test
    void ttlConfigBuilder_defaultsAndSettings() {
        StateTtlConfig defaults =
                StateTtlConfig.newBuilder(Duration.ofSeconds(5)).build();
        assertThat(defaults.isEnabled()).isTrue();
        assertThat(defaults.getTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.getUpdateType()).isEqualTo(UpdateType.OnCreateAndWrite);
        assertThat(defaults.getStateVisibility()).isEqualTo(StateVisibility.NeverReturnExpired);
        assertThat(defaults.isCleanupInFullSnapshot()).isFalse();
        assertThat(defaults.isCleanupInBackground()).isTrue();

        StateTtlConfig custom = StateTtlConfig.newBuilder(Duration.ofSeconds(5))
                .cleanupFullSnapshot()
                .disableCleanupInBackground()
                .build();
        assertThat(custom.isCleanupInFullSnapshot()).isTrue();
        assertThat(custom.isCleanupInBackground()).isFalse();

        assertThat(new ValueStateDescriptor<>("v", String.class).getTtlConfig().isEnabled())
                .isFalse();
    }
}
