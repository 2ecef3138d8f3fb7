package io.sluice.api.connector.source.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.connector.source.InputStatus;
import io.sluice.api.connector.testutils.CollectingReaderOutput;
import io.sluice.api.connector.testutils.LocalSourceDriver;
import io.sluice.api.connector.testutils.TestReaderContext;
import io.sluice.api.connector.testutils.TestSerializers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FromElementsSourceTest {

    @Test
    void emitsElementsInGivenOrder() throws Exception {
        LocalSourceDriver<String, FromElementsSplit> driver = new LocalSourceDriver<>(
                new FromElementsSource<>(new TestSerializers.StringSer(), "c", "a", "b", "a"), 1);
        driver.startAll();
        assertThat(driver.runToEnd(0)).containsExactly("c", "a", "b", "a");
    }

    @Test
    void sourceIsDecoupledFromLaterChangesToTheCollection() throws Exception {
        List<String> elements = new ArrayList<>(List.of("x", "y"));
        FromElementsSource<String> source = new FromElementsSource<>(new TestSerializers.StringSer(), elements);
        elements.add("z");
        LocalSourceDriver<String, FromElementsSplit> driver = new LocalSourceDriver<>(source, 1);
        driver.startAll();
        assertThat(driver.runToEnd(0)).containsExactly("x", "y");
    }

    @Test
    void manyElementsSpanSeveralBatches() throws Exception {
        List<String> elements = IntStream.range(0, 2500).mapToObj(i -> "e" + i).collect(Collectors.toList());
        LocalSourceDriver<String, FromElementsSplit> driver =
                new LocalSourceDriver<>(new FromElementsSource<>(new TestSerializers.StringSer(), elements), 1);
        driver.startAll();
        assertThat(driver.runToEnd(0)).isEqualTo(elements);
    }

    @Test
    void emptyCollectionEndsImmediately() throws Exception {
        LocalSourceDriver<String, FromElementsSplit> driver =
                new LocalSourceDriver<>(new FromElementsSource<>(new TestSerializers.StringSer(), List.of()), 1);
        driver.startAll();
        assertThat(driver.runToEnd(0)).isEmpty();
    }

    @Test
    void restoredSplitResumesAtCheckpointedPosition() throws Exception {
        List<String> elements = IntStream.range(0, 1500).mapToObj(i -> "e" + i).collect(Collectors.toList());
        FromElementsSource<String> source = new FromElementsSource<>(new TestSerializers.StringSer(), elements);
        var reader = source.createReader(new TestReaderContext());
        reader.addSplits(List.of(new FromElementsSplit(0)));
        CollectingReaderOutput<String> output = new CollectingReaderOutput<>();
        reader.pollNext(output);
        assertThat(output.records).isEqualTo(elements.subList(0, 1024));
        List<FromElementsSplit> state = reader.snapshotState(7);
        assertThat(state).containsExactly(new FromElementsSplit(1024));

        var restored = source.createReader(new TestReaderContext());
        restored.addSplits(state);
        restored.notifyNoMoreSplits();
        CollectingReaderOutput<String> restoredOutput = new CollectingReaderOutput<>();
        while (restored.pollNext(restoredOutput) != InputStatus.END_OF_INPUT) {}
        assertThat(restoredOutput.records).isEqualTo(elements.subList(1024, 1500));
    }

    @Test
    void nullElementIsRejectedWithItsIndex() {
        assertThatThrownBy(() -> new FromElementsSource<>(new TestSerializers.StringSer(), Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FromElementsSource: element 1 is null; null elements are not supported");
    }

    @Test
    void secondReaderAtHigherParallelismGetsNothing() throws Exception {
        LocalSourceDriver<String, FromElementsSplit> driver =
                new LocalSourceDriver<>(new FromElementsSource<>(new TestSerializers.StringSer(), "a", "b"), 2);
        driver.startAll();
        assertThat(driver.runToEnd(0)).containsExactly("a", "b");
        assertThat(driver.runToEnd(1)).isEmpty();
    }
}
