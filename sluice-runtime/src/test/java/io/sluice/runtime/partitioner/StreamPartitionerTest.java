package io.sluice.runtime.partitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.functions.KeySelector;
import io.sluice.runtime.jobgraph.DistributionPattern;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamPartitionerTest {

    private static <T> List<Integer> select(StreamPartitioner<T> partitioner, int channels, List<T> values) {
        partitioner.setup(channels);
        StreamRecord<T> reused = new StreamRecord<>(null);
        List<Integer> selected = new ArrayList<>();
        for (T value : values) {
            selected.add(partitioner.selectChannel(reused.replace(value)));
        }
        return selected;
    }

    private static List<Integer> ints(int n) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(i);
        }
        return values;
    }

    @Test
    void forwardAlwaysSelectsChannelZero_andIsPointwise() {
        ForwardPartitioner<Integer> forward = new ForwardPartitioner<>();
        assertThat(select(forward, 1, ints(4))).containsExactly(0, 0, 0, 0);
        assertThat(forward.isPointwise()).isTrue();
        assertThat(forward.getDistributionPattern()).isEqualTo(DistributionPattern.POINTWISE);
        assertThat(forward).hasToString("FORWARD");
    }

    @Test
    void rescaleIsRoundRobinFromZero_andIsPointwise() {
        RescalePartitioner<Integer> rescale = new RescalePartitioner<>();
        assertThat(select(rescale, 3, ints(7))).containsExactly(0, 1, 2, 0, 1, 2, 0);
        assertThat(rescale.getDistributionPattern()).isEqualTo(DistributionPattern.POINTWISE);
        assertThat(rescale).hasToString("RESCALE");
    }

    @Test
    void globalAlwaysSelectsChannelZero_andIsAllToAll() {
        GlobalPartitioner<Integer> global = new GlobalPartitioner<>();
        assertThat(select(global, 5, ints(4))).containsExactly(0, 0, 0, 0);
        assertThat(global.getDistributionPattern()).isEqualTo(DistributionPattern.ALL_TO_ALL);
        assertThat(global).hasToString("GLOBAL");
    }

    @Test
    void rebalanceIsRoundRobinFromItsRandomStart() {
        for (int run = 0; run < 20; run++) {
            List<Integer> selected = select(new RebalancePartitioner<Integer>(), 4, ints(9));
            int start = selected.get(0);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                expected.add((start + i) % 4);
            }
            assertThat(selected).isEqualTo(expected);
        }
        assertThat(new RebalancePartitioner<Integer>()).hasToString("REBALANCE");
        assertThat(new RebalancePartitioner<Integer>().isPointwise()).isFalse();
    }

    @Test
    void rebalanceStartsAtDifferentChannelsAcrossInstances() {
        java.util.Set<Integer> starts = new java.util.HashSet<>();
        for (int run = 0; run < 200; run++) {
            starts.add(select(new RebalancePartitioner<Integer>(), 4, ints(1)).get(0));
        }
        assertThat(starts).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void shuffleStaysInRangeAndHitsEveryChannel() {
        List<Integer> selected = select(new ShufflePartitioner<Integer>(), 3, ints(3000));
        assertThat(selected).allMatch(c -> c >= 0 && c < 3);
        assertThat(new java.util.HashSet<>(selected)).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(new ShufflePartitioner<Integer>()).hasToString("SHUFFLE");
    }

    @Test
    void broadcastIsBroadcastAndRefusesSingleChannelSelection() {
        BroadcastPartitioner<Integer> broadcast = new BroadcastPartitioner<>();
        broadcast.setup(3);
        assertThat(broadcast.isBroadcast()).isTrue();
        assertThat(broadcast).hasToString("BROADCAST");
        assertThatThrownBy(() -> broadcast.selectChannel(new StreamRecord<>(1)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("broadcastEmit");
    }

    @Test
    void hashRoutesKnownKeysToPinnedChannels() {
        KeyGroupStreamPartitioner<Integer, Integer> hash = new KeyGroupStreamPartitioner<>(v -> v, 128);
        // Key groups 94, 42, 127, 99 with 4 channels: kg * 4 / 128.
        assertThat(select(hash, 4, List.of(0, 1, 2, 42))).containsExactly(2, 1, 3, 3);
        assertThat(hash).hasToString("HASH");
        assertThat(hash.isPointwise()).isFalse();
    }

    @Test
    void hashSendsEqualKeysToOneChannel_andSpreadsManyKeysOverAllChannels() {
        KeyGroupStreamPartitioner<String, String> hash = new KeyGroupStreamPartitioner<>(v -> v, 128);
        hash.setup(4);
        int[] counts = new int[4];
        for (int i = 0; i < 10_000; i++) {
            int channel = hash.selectChannel(new StreamRecord<>("key-" + i));
            assertThat(hash.selectChannel(new StreamRecord<>("key-" + i))).isEqualTo(channel);
            counts[channel]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(2_000, 3_000);
        }
    }

    @Test
    void hashWithNullKeyFailsNamingTheRecord() {
        KeySelector<String, String> nullKeys = v -> null;
        KeyGroupStreamPartitioner<String, String> hash = new KeyGroupStreamPartitioner<>(nullKeys, 128);
        hash.setup(2);
        assertThatThrownBy(() -> hash.selectChannel(new StreamRecord<>("rec-7")))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("returned null for record rec-7");
    }

    @Test
    void customPartitionerChoosesChannelFromKey() {
        CustomPartitionerWrapper<Integer, Integer> custom =
                new CustomPartitionerWrapper<>((key, n) -> key % n, v -> v * 10 + 1);
        assertThat(select(custom, 3, List.of(0, 1, 2, 3))).containsExactly(1, 2, 0, 1);
        assertThat(custom).hasToString("CUSTOM");
    }

    @Test
    void customPartitionerReturningOutOfRangeFailsNamingThePartitioner() {
        CustomPartitionerWrapper<Integer, Integer> custom = new CustomPartitionerWrapper<>((key, n) -> n, v -> v);
        custom.setup(3);
        assertThatThrownBy(() -> custom.selectChannel(new StreamRecord<>(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Custom partitioner")
                .hasMessageContaining("returned partition 3 for key 5, outside [0, 3)");
    }

    @Test
    void copyGivesAnIndependentInstance() {
        RescalePartitioner<Integer> original = new RescalePartitioner<>();
        original.setup(2);
        original.selectChannel(new StreamRecord<>(1));
        StreamPartitioner<Integer> copy = original.copy();
        assertThat(copy).isNotSameAs(original).hasToString("RESCALE");
        assertThat(select(copy, 2, ints(3))).containsExactly(0, 1, 0);
    }
}
