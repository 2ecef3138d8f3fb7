package io.sluice.api.windowing.evictors;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.windowing.windows.GlobalWindow;
import io.sluice.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvictorsTest {
    private static final Evictor.EvictorContext CONTEXT = new Evictor.EvictorContext() {
        @Override
        public long getCurrentProcessingTime() {
            return 0;
        }

        @Override
        public long getCurrentWatermark() {
            return Long.MIN_VALUE;
        }
    };

    /** Elements "e<timestamp>" with the given timestamps, in this order. */
    private static List<TimestampedValue<Object>> elements(long... timestamps) {
        List<TimestampedValue<Object>> elements = new ArrayList<>();
        for (long t : timestamps) {
            elements.add(new TimestampedValue<>("e" + t, t));
        }
        return elements;
    }

    private static List<Object> values(List<TimestampedValue<Object>> elements) {
        return elements.stream().map(TimestampedValue::getValue).toList();
    }

    @Test
    void countEvictor_keepsTheLastMaxCountElementsBeforeTheFunction() {
        CountEvictor<GlobalWindow> evictor = CountEvictor.of(2);
        List<TimestampedValue<Object>> elements = elements(1, 2, 3, 4, 5);

        evictor.evictAfter(elements, 5, GlobalWindow.get(), CONTEXT);
        assertThat(values(elements)).containsExactly("e1", "e2", "e3", "e4", "e5");

        evictor.evictBefore(elements, 5, GlobalWindow.get(), CONTEXT);
        assertThat(values(elements)).containsExactly("e4", "e5");
        assertThat(evictor.getMaxCount()).isEqualTo(2);
    }

    @Test
    void countEvictor_withDoEvictAfter_evictsOnlyAfterTheFunction() {
        CountEvictor<GlobalWindow> evictor = CountEvictor.of(3, true);
        List<TimestampedValue<Object>> elements = elements(1, 2, 3, 4, 5);

        evictor.evictBefore(elements, 5, GlobalWindow.get(), CONTEXT);
        assertThat(values(elements)).containsExactly("e1", "e2", "e3", "e4", "e5");

        evictor.evictAfter(elements, 5, GlobalWindow.get(), CONTEXT);
        assertThat(values(elements)).containsExactly("e3", "e4", "e5");
    }

    @Test
    void countEvictor_keepsEverythingWhenAtOrBelowMaxCount() {
        CountEvictor<GlobalWindow> evictor = CountEvictor.of(3);
        List<TimestampedValue<Object>> elements = elements(1, 2, 3);

        evictor.evictBefore(elements, 3, GlobalWindow.get(), CONTEXT);
        assertThat(values(elements)).containsExactly("e1", "e2", "e3");

        List<TimestampedValue<Object>> empty = new ArrayList<>();
        evictor.evictBefore(empty, 0, GlobalWindow.get(), CONTEXT);
        assertThat(empty).isEmpty();
    }

    @Test
    void timeEvictor_dropsElementsAtOrBeforeNewestMinusWindowSize() {
        TimeEvictor<TimeWindow> evictor = TimeEvictor.of(Duration.ofMillis(1000));
        List<TimestampedValue<Object>> elements = elements(100, 500, 1000, 1001, 1500, 2000);

        evictor.evictAfter(elements, 6, new TimeWindow(0, 3000), CONTEXT);
        assertThat(elements).hasSize(6);

        evictor.evictBefore(elements, 6, new TimeWindow(0, 3000), CONTEXT);
        assertThat(values(elements)).containsExactly("e1001", "e1500", "e2000");
        assertThat(evictor.getWindowSize()).isEqualTo(1000);
    }

    @Test
    void timeEvictor_usesTheNewestTimestampEvenWhenElementsAreOutOfOrder() {
        TimeEvictor<TimeWindow> evictor = TimeEvictor.of(Duration.ofMillis(1000), true);
        List<TimestampedValue<Object>> elements = elements(2000, 100, 1500, 1000, -50, 1999);

        evictor.evictBefore(elements, 6, new TimeWindow(-1000, 3000), CONTEXT);
        assertThat(elements).hasSize(6);

        evictor.evictAfter(elements, 6, new TimeWindow(-1000, 3000), CONTEXT);
        assertThat(values(elements)).containsExactly("e2000", "e1500", "e1999");
    }

    @Test
    void timeEvictor_keepsElementsWithoutTimestamps() {
        TimeEvictor<GlobalWindow> evictor = TimeEvictor.of(Duration.ofMillis(1));
        List<TimestampedValue<Object>> elements = new ArrayList<>();
        elements.add(TimestampedValue.of("a"));
        elements.add(TimestampedValue.of("b"));

        evictor.evictBefore(elements, 2, GlobalWindow.get(), CONTEXT);
        assertThat(values(elements)).containsExactly("a", "b");

        List<TimestampedValue<Object>> empty = new ArrayList<>();
        evictor.evictBefore(empty, 0, GlobalWindow.get(), CONTEXT);
        assertThat(empty).isEmpty();
    }
}
