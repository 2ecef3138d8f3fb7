package io.sluice.api.windowing.assigners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.api.windowing.triggers.EventTimeTrigger;
import io.sluice.api.windowing.triggers.FakeTriggerContext;
import io.sluice.api.windowing.triggers.ProcessingTimeTrigger;
import io.sluice.api.windowing.triggers.Trigger;
import io.sluice.api.windowing.triggers.TriggerResult;
import io.sluice.api.windowing.windows.GlobalWindow;
import io.sluice.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAssignersTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static TimeWindow tw(long start, long end) {
        return new TimeWindow(start, end);
    }

    /** A context whose processing time is fixed. */
    private static WindowAssigner.WindowAssignerContext clock(long now) {
        return new WindowAssigner.WindowAssignerContext() {
            @Override
            public long getCurrentProcessingTime() {
                return now;
            }
        };
    }

    private static final WindowAssigner.WindowAssignerContext NO_CLOCK = clock(0);

    // ---- tumbling

    @Test
    void tumblingEventTime_assignsTheOneWindowHoldingTheTimestamp() {
        TumblingEventTimeWindows assigner = TumblingEventTimeWindows.of(ms(5000));

        assertThat(assigner.assignWindows("a", 0, NO_CLOCK)).containsExactly(tw(0, 5000));
        assertThat(assigner.assignWindows("a", 4999, NO_CLOCK)).containsExactly(tw(0, 5000));
        assertThat(assigner.assignWindows("a", 5000, NO_CLOCK)).containsExactly(tw(5000, 10000));
        assertThat(assigner.assignWindows("a", -1, NO_CLOCK)).containsExactly(tw(-5000, 0));
        assertThat(assigner.assignWindows("a", -5000, NO_CLOCK)).containsExactly(tw(-5000, 0));
        assertThat(assigner.assignWindows("a", -5001, NO_CLOCK)).containsExactly(tw(-10000, -5000));
        assertThat(assigner.isEventTime()).isTrue();
        assertThat(assigner.getDefaultTrigger()).isInstanceOf(EventTimeTrigger.class);
        assertThat(assigner.getWindowSerializer(null)).isSameAs(TimeWindow.Serializer.INSTANCE);
        assertThat(assigner.getSize()).isEqualTo(5000);
        assertThat(assigner).hasToString("TumblingEventTimeWindows(5000)");
    }

    @Test
    void tumblingEventTime_withOffset_shiftsEveryWindow() {
        TumblingEventTimeWindows plus = TumblingEventTimeWindows.of(ms(5000), ms(1000));
        assertThat(plus.assignWindows("a", 0, NO_CLOCK)).containsExactly(tw(-4000, 1000));
        assertThat(plus.assignWindows("a", 999, NO_CLOCK)).containsExactly(tw(-4000, 1000));
        assertThat(plus.assignWindows("a", 1000, NO_CLOCK)).containsExactly(tw(1000, 6000));
        assertThat(plus.assignWindows("a", -4001, NO_CLOCK)).containsExactly(tw(-9000, -4000));

        TumblingEventTimeWindows minus = TumblingEventTimeWindows.of(ms(5000), ms(-1000));
        assertThat(minus.assignWindows("a", 0, NO_CLOCK)).containsExactly(tw(-1000, 4000));
        assertThat(minus.assignWindows("a", 4000, NO_CLOCK)).containsExactly(tw(4000, 9000));
        assertThat(minus.assignWindows("a", -1001, NO_CLOCK)).containsExactly(tw(-6000, -1000));
    }

    @Test
    void tumblingEventTime_rejectsOffsetNotSmallerThanSizeAndNonPositiveSize() {
        String message = "TumblingEventTimeWindows parameters must satisfy abs(offset) < size";
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(ms(5000), ms(5000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(ms(5000), ms(-5000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(ms(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(ms(-10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void eventTimeAssigners_rejectElementsWithoutTimestamp() {
        List<WindowAssigner<Object, TimeWindow>> assigners =
                List.of(TumblingEventTimeWindows.of(ms(10)), SlidingEventTimeWindows.of(ms(10), ms(5)));
        for (WindowAssigner<Object, TimeWindow> assigner : assigners) {
            assertThatThrownBy(() -> assigner.assignWindows("a", Long.MIN_VALUE, NO_CLOCK))
                    .isInstanceOf(RuntimeException.class)
                    .hasMessage("Record has Long.MIN_VALUE timestamp (= no timestamp marker). "
                            + "Did you forget to call 'DataStream.assignTimestampsAndWatermarks(...)'?");
        }
    }

    @Test
    void tumblingProcessingTime_usesTheClockNotTheTimestamp() {
        TumblingProcessingTimeWindows assigner = TumblingProcessingTimeWindows.of(ms(1000), ms(100));

        assertThat(assigner.assignWindows("a", Long.MIN_VALUE, clock(1234))).containsExactly(tw(1100, 2100));
        assertThat(assigner.assignWindows("a", 99999, clock(1099))).containsExactly(tw(100, 1100));
        assertThat(assigner.isEventTime()).isFalse();
        assertThat(assigner.getDefaultTrigger()).isInstanceOf(ProcessingTimeTrigger.class);
        assertThat(assigner).hasToString("TumblingProcessingTimeWindows(1000)");
        assertThatThrownBy(() -> TumblingProcessingTimeWindows.of(ms(1000), ms(1000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TumblingProcessingTimeWindows parameters must satisfy abs(offset) < size");
    }

    @Test
    void windowStagger_shiftsTheWindowsOfASubtaskOnceFromItsFirstElement() {
        assertThat(WindowStagger.ALIGNED.getStaggerOffset(12345, 1000)).isZero();
        assertThat(WindowStagger.NATURAL).hasToString("NATURAL");
        assertThat(WindowStagger.NATURAL.getStaggerOffset(12345, 1000)).isEqualTo(345);
        for (int i = 0; i < 100; i++) {
            assertThat(WindowStagger.RANDOM.getStaggerOffset(12345, 1000)).isBetween(0L, 999L);
        }

        TumblingEventTimeWindows natural = TumblingEventTimeWindows.of(ms(1000), ms(0), WindowStagger.NATURAL);
        assertThat(natural.assignWindows("a", 100, clock(12345))).containsExactly(tw(-655, 345));
        // the shift is fixed by the first element; a later clock does not change it
        assertThat(natural.assignWindows("a", 400, clock(99999))).containsExactly(tw(345, 1345));

        TumblingProcessingTimeWindows naturalProcessing =
                TumblingProcessingTimeWindows.of(ms(1000), ms(0), WindowStagger.NATURAL);
        assertThat(naturalProcessing.assignWindows("a", 0, clock(12345))).containsExactly(tw(12345, 13345));
        assertThat(naturalProcessing.assignWindows("a", 0, clock(13345))).containsExactly(tw(13345, 14345));
    }

    // ---- sliding

    @Test
    void slidingEventTime_assignsEverySizeOverSlideWindowLatestFirst() {
        SlidingEventTimeWindows assigner = SlidingEventTimeWindows.of(ms(6000), ms(2000));

        assertThat(assigner.assignWindows("a", 0, NO_CLOCK))
                .containsExactly(tw(0, 6000), tw(-2000, 4000), tw(-4000, 2000));
        assertThat(assigner.assignWindows("a", 5999, NO_CLOCK))
                .containsExactly(tw(4000, 10000), tw(2000, 8000), tw(0, 6000));
        assertThat(assigner.assignWindows("a", -1, NO_CLOCK))
                .containsExactly(tw(-2000, 4000), tw(-4000, 2000), tw(-6000, 0));
        assertThat(assigner.assignWindows("a", -2001, NO_CLOCK))
                .containsExactly(tw(-4000, 2000), tw(-6000, 0), tw(-8000, -2000));
        assertThat(assigner.isEventTime()).isTrue();
        assertThat(assigner.getDefaultTrigger()).isInstanceOf(EventTimeTrigger.class);
        assertThat(assigner.getSize()).isEqualTo(6000);
        assertThat(assigner.getSlide()).isEqualTo(2000);
        assertThat(assigner).hasToString("SlidingEventTimeWindows(6000, 2000)");
    }

    @Test
    void slidingEventTime_withOffsetAndSizeNotAMultipleOfSlide() {
        SlidingEventTimeWindows offset = SlidingEventTimeWindows.of(ms(6000), ms(2000), ms(500));
        assertThat(offset.assignWindows("a", 0, NO_CLOCK))
                .containsExactly(tw(-1500, 4500), tw(-3500, 2500), tw(-5500, 500));
        assertThat(offset.assignWindows("a", 500, NO_CLOCK))
                .containsExactly(tw(500, 6500), tw(-1500, 4500), tw(-3500, 2500));
        assertThat(offset.assignWindows("a", -1501, NO_CLOCK))
                .containsExactly(tw(-3500, 2500), tw(-5500, 500), tw(-7500, -1500));

        SlidingEventTimeWindows negativeOffset = SlidingEventTimeWindows.of(ms(6000), ms(2000), ms(-500));
        assertThat(negativeOffset.assignWindows("a", 0, NO_CLOCK))
                .containsExactly(tw(-500, 5500), tw(-2500, 3500), tw(-4500, 1500));

        SlidingEventTimeWindows ragged = SlidingEventTimeWindows.of(ms(5000), ms(2000));
        assertThat(ragged.assignWindows("a", 0, NO_CLOCK))
                .containsExactly(tw(0, 5000), tw(-2000, 3000), tw(-4000, 1000));
        assertThat(ragged.assignWindows("a", 1000, NO_CLOCK)).containsExactly(tw(0, 5000), tw(-2000, 3000));

        // slide larger than size: some timestamps are in no window
        SlidingEventTimeWindows gaps = SlidingEventTimeWindows.of(ms(1000), ms(3000));
        assertThat(gaps.assignWindows("a", 500, NO_CLOCK)).containsExactly(tw(0, 1000));
        assertThat(gaps.assignWindows("a", 1500, NO_CLOCK)).isEmpty();
    }

    @Test
    void slidingAssigners_rejectBadParameters() {
        String eventTime = "SlidingEventTimeWindows parameters must satisfy abs(offset) < slide and size > 0";
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(0), ms(1000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(eventTime);
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(5000), ms(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(eventTime);
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(5000), ms(1000), ms(1000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(eventTime);
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(5000), ms(1000), ms(-1000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(eventTime);
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(10_000_001), ms(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SlidingEventTimeWindows parameters must satisfy size / slide <= 10000000");
        assertThat(SlidingEventTimeWindows.of(ms(10_000_000), ms(1)).getSize()).isEqualTo(10_000_000);
        assertThatThrownBy(() -> SlidingProcessingTimeWindows.of(ms(5000), ms(1000), ms(1000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SlidingProcessingTimeWindows parameters must satisfy abs(offset) < slide and size > 0");
    }

    @Test
    void slidingProcessingTime_usesTheClock() {
        SlidingProcessingTimeWindows assigner = SlidingProcessingTimeWindows.of(ms(3000), ms(1000), ms(200));

        assertThat(assigner.assignWindows("a", Long.MIN_VALUE, clock(2500)))
                .containsExactly(tw(2200, 5200), tw(1200, 4200), tw(200, 3200));
        assertThat(assigner.isEventTime()).isFalse();
        assertThat(assigner.getDefaultTrigger()).isInstanceOf(ProcessingTimeTrigger.class);
        assertThat(assigner).hasToString("SlidingProcessingTimeWindows(3000, 1000)");
    }

    // ---- sessions

    /** Runs {@code mergeWindows} and returns each merge as "merged -> result". */
    private static List<String> merges(MergingWindowAssigner<?, TimeWindow> assigner, Collection<TimeWindow> windows) {
        List<String> merges = new ArrayList<>();
        assigner.mergeWindows(windows, (toBeMerged, result) -> merges.add(toBeMerged + " -> " + result));
        return merges;
    }

    @Test
    void eventTimeSessions_assignGapWindowsAndMergeWhenAnOutOfOrderElementBridgesTwoSessions() {
        EventTimeSessionWindows assigner = EventTimeSessionWindows.withGap(ms(10));

        TimeWindow first = assigner.assignWindows("a", 0, NO_CLOCK).iterator().next();
        TimeWindow second = assigner.assignWindows("b", 15, NO_CLOCK).iterator().next();
        assertThat(first).isEqualTo(tw(0, 10));
        assertThat(second).isEqualTo(tw(15, 25));
        // two sessions: nothing merges
        assertThat(merges(assigner, List.of(first, second))).isEmpty();

        TimeWindow bridge = assigner.assignWindows("c", 8, NO_CLOCK).iterator().next();
        assertThat(bridge).isEqualTo(tw(8, 18));
        assertThat(merges(assigner, List.of(first, second, bridge)))
                .containsExactly("[" + tw(0, 10) + ", " + tw(8, 18) + ", " + tw(15, 25) + "] -> " + tw(0, 25));

        assertThat(assigner.isEventTime()).isTrue();
        assertThat(assigner.getDefaultTrigger()).isInstanceOf(EventTimeTrigger.class);
        assertThat(assigner.getSessionTimeout()).isEqualTo(10);
        assertThat(assigner).hasToString("EventTimeSessionWindows(10)");
    }

    @Test
    void sessions_mergeTouchingWindowsAndReportEachRunSeparately() {
        EventTimeSessionWindows assigner = EventTimeSessionWindows.withGap(ms(10));

        assertThat(merges(assigner, List.of(tw(10, 20), tw(0, 10))))
                .containsExactly("[" + tw(0, 10) + ", " + tw(10, 20) + "] -> " + tw(0, 20));
        assertThat(merges(assigner, List.of(tw(100, 110), tw(0, 10), tw(105, 115), tw(5, 15), tw(50, 60))))
                .containsExactly(
                        "[" + tw(0, 10) + ", " + tw(5, 15) + "] -> " + tw(0, 15),
                        "[" + tw(100, 110) + ", " + tw(105, 115) + "] -> " + tw(100, 115));
        assertThat(merges(assigner, List.of(tw(0, 10), tw(11, 21)))).isEmpty();
    }

    @Test
    void sessionGapMustBePositive() {
        assertThatThrownBy(() -> EventTimeSessionWindows.withGap(ms(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EventTimeSessionWindows parameters must satisfy 0 < size");
        assertThatThrownBy(() -> ProcessingTimeSessionWindows.withGap(ms(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ProcessingTimeSessionWindows parameters must satisfy 0 < size");
    }

    @Test
    void processingTimeSessions_openAtTheClock() {
        ProcessingTimeSessionWindows assigner = ProcessingTimeSessionWindows.withGap(ms(100));

        assertThat(assigner.assignWindows("a", 5, clock(1000))).containsExactly(tw(1000, 1100));
        assertThat(merges(assigner, List.of(tw(1000, 1100), tw(1050, 1150))))
                .containsExactly("[" + tw(1000, 1100) + ", " + tw(1050, 1150) + "] -> " + tw(1000, 1150));
        assertThat(assigner.isEventTime()).isFalse();
        assertThat(assigner.getDefaultTrigger()).isInstanceOf(ProcessingTimeTrigger.class);
        assertThat(assigner).hasToString("ProcessingTimeSessionWindows(100)");
    }

    @Test
    void dynamicSessions_takeTheGapFromEachElement() {
        SessionWindowTimeGapExtractor<Long> gapIsValue = element -> element;
        DynamicEventTimeSessionWindows<Long> eventTime = EventTimeSessionWindows.withDynamicGap(gapIsValue);

        assertThat(eventTime.assignWindows(10L, 100, NO_CLOCK)).containsExactly(tw(100, 110));
        assertThat(eventTime.assignWindows(3L, 105, NO_CLOCK)).containsExactly(tw(105, 108));
        assertThat(merges(eventTime, List.of(tw(100, 110), tw(120, 125), tw(108, 120))))
                .containsExactly(
                        "[" + tw(100, 110) + ", " + tw(108, 120) + ", " + tw(120, 125) + "] -> " + tw(100, 125));
        assertThatThrownBy(() -> eventTime.assignWindows(0L, 100, NO_CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Dynamic session time gap must satisfy 0 < gap");
        assertThat(eventTime.isEventTime()).isTrue();
        Trigger<Long, TimeWindow> trigger = eventTime.getDefaultTrigger();
        assertThat(trigger).isInstanceOf(EventTimeTrigger.class);
        assertThat(eventTime).hasToString("DynamicEventTimeSessionWindows()");
        assertThat(DynamicEventTimeSessionWindows.withDynamicGap(gapIsValue).assignWindows(7L, 1, NO_CLOCK))
                .containsExactly(tw(1, 8));

        DynamicProcessingTimeSessionWindows<Long> processingTime =
                ProcessingTimeSessionWindows.withDynamicGap(gapIsValue);
        assertThat(processingTime.assignWindows(10L, 100, clock(5000))).containsExactly(tw(5000, 5010));
        assertThatThrownBy(() -> processingTime.assignWindows(-1L, 100, clock(5000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Dynamic session time gap must satisfy 0 < gap");
        assertThat(processingTime.isEventTime()).isFalse();
        assertThat(processingTime.getDefaultTrigger()).isInstanceOf(ProcessingTimeTrigger.class);
        assertThat(processingTime).hasToString("DynamicProcessingTimeSessionWindows()");
    }

    // ---- global

    @Test
    void globalWindows_putEverythingInTheGlobalWindowAndTheDefaultTriggerNeverFires() throws Exception {
        GlobalWindows assigner = GlobalWindows.create();

        assertThat(assigner.assignWindows("a", 42, NO_CLOCK)).containsExactly(GlobalWindow.get());
        assertThat(assigner.assignWindows("b", Long.MIN_VALUE, NO_CLOCK)).containsExactly(GlobalWindow.get());
        assertThat(assigner.isEventTime()).isFalse();
        assertThat(assigner.getWindowSerializer(null)).isSameAs(GlobalWindow.Serializer.INSTANCE);
        assertThat(assigner).hasToString("GlobalWindows(trigger=NeverTrigger)");

        Trigger<Object, GlobalWindow> never = assigner.getDefaultTrigger();
        assertThat(never.canMerge()).isFalse();
        FakeTriggerContext<GlobalWindow> ctx = new FakeTriggerContext<GlobalWindow>().window(GlobalWindow.get());
        for (int i = 0; i < 5; i++) {
            assertThat(ctx.element(never, "x" + i, i)).isEqualTo(TriggerResult.CONTINUE);
        }
        assertThat(ctx.advanceWatermark(never, Long.MAX_VALUE)).isEmpty();
        assertThat(ctx.advanceProcessingTime(never, Long.MAX_VALUE)).isEmpty();
        assertThat(never.onEventTime(Long.MAX_VALUE, GlobalWindow.get(), ctx)).isEqualTo(TriggerResult.CONTINUE);
    }

    @Test
    void globalWindowsWithEndOfStreamTrigger_fireOnceAtTheFinalWatermark() throws Exception {
        Trigger<Object, GlobalWindow> trigger =
                GlobalWindows.createWithEndOfStreamTrigger().getDefaultTrigger();
        assertThat(GlobalWindows.createWithEndOfStreamTrigger())
                .hasToString("GlobalWindows(trigger=EndOfStreamTrigger)");
        FakeTriggerContext<GlobalWindow> ctx = new FakeTriggerContext<GlobalWindow>().window(GlobalWindow.get());

        assertThat(ctx.element(trigger, "a", 1)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.element(trigger, "b", 2)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.advanceWatermark(trigger, Long.MAX_VALUE - 1)).isEmpty();
        assertThat(ctx.advanceWatermark(trigger, Long.MAX_VALUE)).containsExactly(Long.MAX_VALUE + ":FIRE");
    }
}
