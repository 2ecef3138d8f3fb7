package io.sluice.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.windowing.assigners.EventTimeSessionWindows;
import io.sluice.api.windowing.assigners.GlobalWindows;
import io.sluice.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.sluice.api.windowing.assigners.SessionWindowTimeGapExtractor;
import io.sluice.api.windowing.assigners.SlidingEventTimeWindows;
import io.sluice.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.sluice.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.sluice.api.windowing.assigners.WindowAssigner;
import io.sluice.api.windowing.assigners.WindowStagger;
import io.sluice.api.windowing.evictors.CountEvictor;
import io.sluice.api.windowing.evictors.TimeEvictor;
import io.sluice.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.sluice.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.sluice.api.windowing.triggers.CountTrigger;
import io.sluice.api.windowing.triggers.EventTimeTrigger;
import io.sluice.api.windowing.triggers.FakeTriggerContext;
import io.sluice.api.windowing.triggers.ProcessingTimeTrigger;
import io.sluice.api.windowing.triggers.PurgingTrigger;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.triggers.TriggerResult;
import io.sluice.api.windowing.windows.GlobalWindow;
import io.sluice.api.windowing.windows.TimeWindow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Assigners, triggers and evictors travel to every subtask Java-serialized with the job; each must
 * come back working the same.
 */
class WindowLibrarySerializationTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    private static final WindowAssigner.WindowAssignerContext CLOCK_12345 = new WindowAssigner.WindowAssignerContext() {
        @Override
        public long getCurrentProcessingTime() {
            return 12345;
        }
    };

    @Test
    void assignersAssignTheSameWindowsAfterARoundTrip() throws Exception {
        SessionWindowTimeGapExtractor<Object> gap = element -> 7;
        List<WindowAssigner<Object, ?>> assigners = List.of(
                TumblingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(3)),
                TumblingEventTimeWindows.of(Duration.ofMillis(1000), Duration.ZERO, WindowStagger.NATURAL),
                TumblingProcessingTimeWindows.of(Duration.ofMillis(10)),
                SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5), Duration.ofMillis(2)),
                SlidingProcessingTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)),
                EventTimeSessionWindows.withGap(Duration.ofMillis(10)),
                ProcessingTimeSessionWindows.withGap(Duration.ofMillis(10)),
                EventTimeSessionWindows.withDynamicGap(gap),
                ProcessingTimeSessionWindows.withDynamicGap(gap),
                GlobalWindows.create(),
                GlobalWindows.createWithEndOfStreamTrigger());
        for (WindowAssigner<Object, ?> assigner : assigners) {
            WindowAssigner<Object, ?> copy = roundTrip(assigner);
            assertThat(copy).hasToString(assigner.toString());
            assertThat(copy.isEventTime()).isEqualTo(assigner.isEventTime());
            assertThat(copy.getDefaultTrigger()).hasSameClassAs(assigner.getDefaultTrigger());
            assertThat(copy.assignWindows("x", 42, CLOCK_12345))
                    .as("%s", assigner)
                    .isEqualTo(assigner.assignWindows("x", 42, CLOCK_12345));
        }
    }

    @Test
    void triggersDecideTheSameAfterARoundTrip() throws Exception {
        List<Trigger<Object, TimeWindow>> triggers = List.of(
                EventTimeTrigger.create(),
                ProcessingTimeTrigger.create(),
                CountTrigger.of(2),
                PurgingTrigger.of(CountTrigger.of(2)),
                ContinuousEventTimeTrigger.of(Duration.ofMillis(5)),
                ContinuousProcessingTimeTrigger.of(Duration.ofMillis(5)));
        TimeWindow window = new TimeWindow(0, 20);
        for (Trigger<Object, TimeWindow> trigger : triggers) {
            Trigger<Object, TimeWindow> copy = roundTrip(trigger);
            assertThat(copy).hasToString(trigger.toString());
            FakeTriggerContext<TimeWindow> original = new FakeTriggerContext<TimeWindow>().window(window);
            FakeTriggerContext<TimeWindow> copied = new FakeTriggerContext<TimeWindow>().window(window);
            for (long ts : new long[] {1, 3, 7}) {
                TriggerResult expected = original.element(trigger, "x", ts);
                assertThat(copied.element(copy, "x", ts))
                        .as("%s at %d", trigger, ts)
                        .isEqualTo(expected);
            }
            assertThat(copied.advanceWatermark(copy, 30)).isEqualTo(original.advanceWatermark(trigger, 30));
            assertThat(copied.advanceProcessingTime(copy, 30)).isEqualTo(original.advanceProcessingTime(trigger, 30));
        }
        Trigger<Object, GlobalWindow> never = roundTrip(GlobalWindows.create().getDefaultTrigger());
        assertThat(never.onElement("x", 1, GlobalWindow.get(), new FakeTriggerContext<>()))
                .isEqualTo(TriggerResult.CONTINUE);
    }

    @Test
    void evictorsAndStaggersSurviveARoundTrip() throws Exception {
        assertThat(roundTrip(CountEvictor.of(3, true)))
                .hasToString(CountEvictor.of(3, true).toString());
        assertThat(roundTrip(TimeEvictor.of(Duration.ofMillis(5))).getWindowSize())
                .isEqualTo(5);
        WindowStagger natural = roundTrip(WindowStagger.NATURAL);
        assertThat(natural).hasToString("NATURAL");
        assertThat(natural.getStaggerOffset(12345, 1000)).isEqualTo(345);
        assertThat(roundTrip(WindowStagger.ALIGNED).getStaggerOffset(12345, 1000))
                .isZero();
    }
}
