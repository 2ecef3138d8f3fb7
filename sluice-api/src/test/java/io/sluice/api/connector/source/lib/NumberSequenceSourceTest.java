package io.sluice.api.connector.source.lib;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.connector.source.InputStatus;
import io.sluice.api.connector.testutils.CollectingReaderOutput;
import io.sluice.api.connector.testutils.LocalSourceDriver;
import io.sluice.api.connector.testutils.TestReaderContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberSequenceSourceTest {

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().collect(Collectors.toList());
    }

    @Test
    void splitsRangeIntoContiguousAlmostEqualParts() {
        assertThat(new NumberSequenceSource(0, 9).split(3))
                .containsExactly(
                        new NumberSequenceSplit("0", 0, 3),
                        new NumberSequenceSplit("1", 4, 6),
                        new NumberSequenceSplit("2", 7, 9));
        assertThat(new NumberSequenceSource(5, 6).split(4))
                .containsExactly(new NumberSequenceSplit("0", 5, 5), new NumberSequenceSplit("1", 6, 6));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4})
    void readersCoverExactlyTheRangeInOrder_atParallelism(int parallelism) throws Exception {
        long from = 7;
        long to = 10_006; // 10,000 numbers: several batches per reader
        LocalSourceDriver<Long, NumberSequenceSplit> driver =
                new LocalSourceDriver<>(new NumberSequenceSource(from, to), parallelism);
        driver.startAll();

        List<Long> all = new ArrayList<>();
        List<NumberSequenceSplit> splits = new NumberSequenceSource(from, to).split(parallelism);
        for (int i = 0; i < parallelism; i++) {
            List<Long> emitted = driver.runToEnd(i);
            // Reader i started i-th, so it asked first and got split i.
            assertThat(emitted)
                    .isEqualTo(range(splits.get(i).from(), splits.get(i).to()));
            all.addAll(emitted);
        }
        assertThat(all).isEqualTo(range(from, to));
    }

    @Test
    void readerAsksAgainAfterItsSplitAndEndsOnNoMoreSplits() throws Exception {
        LocalSourceDriver<Long, NumberSequenceSplit> driver =
                new LocalSourceDriver<>(new NumberSequenceSource(1, 3), 1);
        driver.startAll();
        assertThat(driver.runToEnd(0)).containsExactly(1L, 2L, 3L);
        assertThat(driver.assignmentLog).containsExactly("0:[NumberSequenceSplit[splitId=0, from=1, to=3]]", "0:none");
    }

    @Test
    void snapshotHoldsNextUnreadNumber_andRestoredReaderResumesThere() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(0, 2999);
        var reader = source.createReader(new TestReaderContext());
        reader.addSplits(List.of(new NumberSequenceSplit("0", 0, 2999)));
        reader.start();
        CollectingReaderOutput<Long> output = new CollectingReaderOutput<>();

        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(output.records).isEqualTo(range(0, 1023));
        List<NumberSequenceSplit> state = reader.snapshotState(1);
        assertThat(state).containsExactly(new NumberSequenceSplit("0", 1024, 2999));

        var restored = source.createReader(new TestReaderContext());
        restored.addSplits(state);
        restored.notifyNoMoreSplits();
        CollectingReaderOutput<Long> restoredOutput = new CollectingReaderOutput<>();
        while (restored.pollNext(restoredOutput) != InputStatus.END_OF_INPUT) {}
        assertThat(restoredOutput.records).isEqualTo(range(1024, 2999));
    }

    @Test
    void rangeEndingAtLongMaxValueEndsWithoutOverflow() throws Exception {
        LocalSourceDriver<Long, NumberSequenceSplit> driver =
                new LocalSourceDriver<>(new NumberSequenceSource(Long.MAX_VALUE - 2, Long.MAX_VALUE), 1);
        driver.startAll();
        assertThat(driver.runToEnd(0)).containsExactly(Long.MAX_VALUE - 2, Long.MAX_VALUE - 1, Long.MAX_VALUE);
    }

    @Test
    void enumeratorCheckpointRoundTrips() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(0, 99);
        Collection<NumberSequenceSplit> splits = source.split(3);
        var serializer = source.getEnumeratorCheckpointSerializer();
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(splits)))
                .containsExactlyElementsOf(splits);
    }
}
