package io.sluice.api.windowing.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.api.windowing.windows.GlobalWindow;
import io.sluice.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggersTest {
    private static final TimeWindow W_0_5000 = new TimeWindow(0, 5000);

    // ---- EventTimeTrigger

    @Test
    void eventTimeTrigger_registersWindowEndAndFiresWhenWatermarkReachesIt() throws Exception {
        EventTimeTrigger trigger = EventTimeTrigger.create();
        FakeTriggerContext<TimeWindow> ctx = new FakeTriggerContext<TimeWindow>().window(W_0_5000);

        assertThat(ctx.element(trigger, "a", 100)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.eventTimers(W_0_5000)).containsExactly(4999L);
        assertThat(ctx.advanceWatermark(trigger, 4998)).isEmpty();
        assertThat(ctx.advanceWatermark(trigger, 4999)).containsExactly("4999:FIRE");
        assertThat(trigger.onEventTime(3000, W_0_5000, ctx)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(trigger.onProcessingTime(4999, W_0_5000, ctx)).isEqualTo(TriggerResult.CONTINUE);
    }

    @Test
    void eventTimeTrigger_whenWatermarkIsAlreadyPastWindowEnd_thenFiresAtOnceWithoutTimer() throws Exception {
        EventTimeTrigger trigger = EventTimeTrigger.create();
        FakeTriggerContext<TimeWindow> ctx =
                new FakeTriggerContext<TimeWindow>().window(W_0_5000).watermark(4999);

        assertThat(ctx.element(trigger, "late", 10)).isEqualTo(TriggerResult.FIRE);
        assertThat(ctx.eventTimers(W_0_5000)).isEmpty();
    }

    @Test
    void eventTimeTrigger_clearDeletesTheTimer() throws Exception {
        EventTimeTrigger trigger = EventTimeTrigger.create();
        FakeTriggerContext<TimeWindow> ctx = new FakeTriggerContext<TimeWindow>().window(W_0_5000);
        ctx.element(trigger, "a", 100);

        ctx.clear(trigger);

        assertThat(ctx.eventTimers(W_0_5000)).isEmpty();
        assertThat(ctx.advanceWatermark(trigger, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void eventTimeTrigger_onMergeRegistersMergedEndUnlessWatermarkIsPastIt() throws Exception {
        EventTimeTrigger trigger = EventTimeTrigger.create();
        assertThat(trigger.canMerge()).isTrue();
        TimeWindow a = new TimeWindow(0, 10);
        TimeWindow b = new TimeWindow(8, 18);
        TimeWindow merged = new TimeWindow(0, 18);
        FakeTriggerContext<TimeWindow> ctx = new FakeTriggerContext<TimeWindow>().watermark(5);
        ctx.window(a).element(trigger, "x", 0);
        ctx.window(b).element(trigger, "y", 8);

        ctx.merge(trigger, List.of(a, b), merged);

        assertThat(ctx.eventTimers(a)).isEmpty();
        assertThat(ctx.eventTimers(b)).isEmpty();
        assertThat(ctx.eventTimers(merged)).containsExactly(17L);

        FakeTriggerContext<TimeWindow> late = new FakeTriggerContext<TimeWindow>().watermark(17);
        late.merge(trigger, List.of(a, b), merged);
        assertThat(late.eventTimers(merged)).isEmpty();
    }

    // ---- ProcessingTimeTrigger

    @Test
    void processingTimeTrigger_firesAtWindowEndInProcessingTime() throws Exception {
        ProcessingTimeTrigger trigger = ProcessingTimeTrigger.create();
        FakeTriggerContext<TimeWindow> ctx =
                new FakeTriggerContext<TimeWindow>().window(W_0_5000).processingTime(100);

        assertThat(ctx.element(trigger, "a", Long.MIN_VALUE)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.processingTimers(W_0_5000)).containsExactly(4999L);
        assertThat(ctx.eventTimers(W_0_5000)).isEmpty();
        assertThat(ctx.advanceWatermark(trigger, Long.MAX_VALUE)).isEmpty();
        assertThat(ctx.advanceProcessingTime(trigger, 4999)).containsExactly("4999:FIRE");

        ctx.element(trigger, "b", Long.MIN_VALUE);
        ctx.clear(trigger);
        assertThat(ctx.processingTimers(W_0_5000)).isEmpty();
    }

    @Test
    void processingTimeTrigger_onMergeRegistersMergedEndUnlessClockIsPastIt() throws Exception {
        ProcessingTimeTrigger trigger = ProcessingTimeTrigger.create();
        assertThat(trigger.canMerge()).isTrue();
        TimeWindow a = new TimeWindow(0, 10);
        TimeWindow b = new TimeWindow(10, 20);
        TimeWindow merged = new TimeWindow(0, 20);
        FakeTriggerContext<TimeWindow> ctx = new FakeTriggerContext<TimeWindow>().processingTime(3);
        ctx.window(a).element(trigger, "x", 0);
        ctx.window(b).element(trigger, "y", 0);

        ctx.merge(trigger, List.of(a, b), merged);

        assertThat(ctx.processingTimers(a)).isEmpty();
        assertThat(ctx.processingTimers(b)).isEmpty();
        assertThat(ctx.processingTimers(merged)).containsExactly(19L);

        FakeTriggerContext<TimeWindow> late = new FakeTriggerContext<TimeWindow>().processingTime(19);
        late.merge(trigger, List.of(a, b), merged);
        assertThat(late.processingTimers(merged)).isEmpty();
    }

    // ---- CountTrigger

    @Test
    void countTrigger_firesEveryNthElementAndRestartsCounting() throws Exception {
        CountTrigger<GlobalWindow> trigger = CountTrigger.of(3);
        FakeTriggerContext<GlobalWindow> ctx = new FakeTriggerContext<GlobalWindow>().window(GlobalWindow.get());

        assertThat(ctx.element(trigger, "1", 0)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.element(trigger, "2", 0)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.element(trigger, "3", 0)).isEqualTo(TriggerResult.FIRE);
        assertThat(ctx.state(GlobalWindow.get(), "count")).isNull();
        assertThat(ctx.element(trigger, "4", 0)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.state(GlobalWindow.get(), "count")).isEqualTo(1L);
        assertThat(ctx.element(trigger, "5", 0)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.element(trigger, "6", 0)).isEqualTo(TriggerResult.FIRE);
        assertThat(trigger.onEventTime(0, GlobalWindow.get(), ctx)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(trigger.onProcessingTime(0, GlobalWindow.get(), ctx)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(trigger).hasToString("CountTrigger(3)");
        assertThat(trigger.getMaxCount()).isEqualTo(3);
    }

    @Test
    void countTrigger_mergedWindowsAddTheirCountsAndClearRemovesTheCount() throws Exception {
        CountTrigger<TimeWindow> trigger = CountTrigger.of(3);
        assertThat(trigger.canMerge()).isTrue();
        TimeWindow a = new TimeWindow(0, 10);
        TimeWindow b = new TimeWindow(5, 15);
        TimeWindow merged = new TimeWindow(0, 15);
        FakeTriggerContext<TimeWindow> ctx = new FakeTriggerContext<>();
        ctx.window(a).element(trigger, "x", 0);
        ctx.window(b).element(trigger, "y", 5);

        ctx.merge(trigger, List.of(a, b), merged);

        assertThat(ctx.state(merged, "count")).isEqualTo(2L);
        assertThat(ctx.state(a, "count")).isNull();
        assertThat(ctx.state(b, "count")).isNull();
        assertThat(ctx.window(merged).element(trigger, "z", 7)).isEqualTo(TriggerResult.FIRE);

        ctx.element(trigger, "w", 8);
        ctx.clear(trigger);
        assertThat(ctx.state(merged, "count")).isNull();
    }

    // ---- PurgingTrigger

    @Test
    void purgingTrigger_turnsFireIntoFireAndPurgeAndPassesTheRestOn() throws Exception {
        PurgingTrigger<Object, GlobalWindow> trigger = PurgingTrigger.of(CountTrigger.of(2));
        FakeTriggerContext<GlobalWindow> ctx = new FakeTriggerContext<GlobalWindow>().window(GlobalWindow.get());

        assertThat(ctx.element(trigger, "1", 0)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.element(trigger, "2", 0)).isEqualTo(TriggerResult.FIRE_AND_PURGE);
        assertThat(trigger.canMerge()).isTrue();
        assertThat(trigger).hasToString("PurgingTrigger(CountTrigger(2))");

        PurgingTrigger<Object, TimeWindow> eventTime = PurgingTrigger.of(EventTimeTrigger.create());
        FakeTriggerContext<TimeWindow> tctx = new FakeTriggerContext<TimeWindow>().window(W_0_5000);
        assertThat(tctx.element(eventTime, "a", 1)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(tctx.advanceWatermark(eventTime, 5000)).containsExactly("4999:FIRE_AND_PURGE");
        assertThat(eventTime.getNestedTrigger()).isInstanceOf(EventTimeTrigger.class);

        PurgingTrigger<Object, TimeWindow> processingTime = PurgingTrigger.of(ProcessingTimeTrigger.create());
        tctx.element(processingTime, "b", 1);
        assertThat(tctx.advanceProcessingTime(processingTime, 4999)).containsExactly("4999:FIRE_AND_PURGE");
        tctx.element(processingTime, "c", 1);
        tctx.clear(processingTime);
        assertThat(tctx.processingTimers(W_0_5000)).isEmpty();
    }

    @Test
    void purgingTrigger_cannotMergeWhenItsNestedTriggerCannot() throws Exception {
        Trigger<Object, GlobalWindow> nonMerging = new Trigger<>() {
            @Override
            public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
                return TriggerResult.FIRE;
            }

            @Override
            public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
                return TriggerResult.PURGE;
            }

            @Override
            public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public void clear(GlobalWindow window, TriggerContext ctx) {}
        };
        PurgingTrigger<Object, GlobalWindow> trigger = PurgingTrigger.of(nonMerging);
        FakeTriggerContext<GlobalWindow> ctx = new FakeTriggerContext<>();

        assertThat(trigger.canMerge()).isFalse();
        assertThat(trigger.onProcessingTime(1, GlobalWindow.get(), ctx)).isEqualTo(TriggerResult.PURGE);
        assertThat(trigger.onEventTime(1, GlobalWindow.get(), ctx)).isEqualTo(TriggerResult.CONTINUE);
    }

    // ---- ContinuousEventTimeTrigger

    @Test
    void continuousEventTimeTrigger_firesEveryIntervalFromTheFirstElementAndAtWindowEnd() throws Exception {
        ContinuousEventTimeTrigger<TimeWindow> trigger = ContinuousEventTimeTrigger.of(Duration.ofMillis(1000));
        FakeTriggerContext<TimeWindow> ctx = new FakeTriggerContext<TimeWindow>().window(W_0_5000);

        assertThat(ctx.element(trigger, "a", 1500)).isEqualTo(TriggerResult.CONTINUE);
        // the first firing is at the next interval boundary after the element: 1500 rounds to 1000, +1000
        assertThat(ctx.eventTimers(W_0_5000)).containsExactly(2000L, 4999L);
        assertThat(ctx.state(W_0_5000, "fire-time")).isEqualTo(2000L);
        // a later element does not move the next firing
        assertThat(ctx.element(trigger, "b", 3500)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.eventTimers(W_0_5000)).containsExactly(2000L, 4999L);

        assertThat(ctx.advanceWatermark(trigger, 2500)).containsExactly("2000:FIRE");
        assertThat(ctx.eventTimers(W_0_5000)).containsExactly(3000L, 4999L);
        assertThat(ctx.advanceWatermark(trigger, 6000)).containsExactly("3000:FIRE", "4000:FIRE", "4999:FIRE");
        // cleared at the window end, as the operator does
        assertThat(ctx.state(W_0_5000, "fire-time")).isNull();
        assertThat(ctx.eventTimers(W_0_5000)).isEmpty();
        assertThat(trigger).hasToString("ContinuousEventTimeTrigger(1000)");
    }

    @Test
    void continuousEventTimeTrigger_roundsNegativeTimestampsTowardZeroAndFiresLateElementsAtOnce() throws Exception {
        ContinuousEventTimeTrigger<TimeWindow> trigger = ContinuousEventTimeTrigger.of(Duration.ofMillis(1000));
        TimeWindow window = new TimeWindow(-5000, 5000);
        FakeTriggerContext<TimeWindow> ctx = new FakeTriggerContext<TimeWindow>().window(window);

        // -1500 - (-1500 % 1000) = -1000, so the first firing is at 0 (not -1000)
        ctx.element(trigger, "a", -1500);
        assertThat(ctx.eventTimers(window)).containsExactly(0L, 4999L);
        assertThat(ctx.state(window, "fire-time")).isEqualTo(0L);
        assertThat(ctx.advanceWatermark(trigger, 0)).containsExactly("0:FIRE");
        assertThat(ctx.eventTimers(window)).containsExactly(1000L, 4999L);

        FakeTriggerContext<TimeWindow> late =
                new FakeTriggerContext<TimeWindow>().window(window).watermark(4999);
        assertThat(late.element(trigger, "late", -4000)).isEqualTo(TriggerResult.FIRE);
        assertThat(late.eventTimers(window)).isEmpty();
        assertThat(late.state(window, "fire-time")).isNull();
    }

    @Test
    void continuousEventTimeTrigger_onMergeKeepsTheEarliestNextFiring() throws Exception {
        ContinuousEventTimeTrigger<TimeWindow> trigger = ContinuousEventTimeTrigger.of(Duration.ofMillis(1000));
        assertThat(trigger.canMerge()).isTrue();
        TimeWindow a = new TimeWindow(0, 3000);
        TimeWindow b = new TimeWindow(2000, 5000);
        TimeWindow merged = new TimeWindow(0, 5000);
        FakeTriggerContext<TimeWindow> ctx = new FakeTriggerContext<>();
        ctx.window(a).element(trigger, "x", 500);
        ctx.window(b).element(trigger, "y", 2500);
        assertThat(ctx.eventTimers(a)).containsExactly(1000L, 2999L);
        assertThat(ctx.eventTimers(b)).containsExactly(3000L, 4999L);

        ctx.merge(trigger, List.of(a, b), merged);

        assertThat(ctx.state(merged, "fire-time")).isEqualTo(1000L);
        // the merged windows' state moved to the result, so their clear() finds no timer to delete:
        // their old timers stay and fire as CONTINUE
        assertThat(ctx.eventTimers(a)).containsExactly(1000L, 2999L);
        assertThat(ctx.eventTimers(b)).containsExactly(3000L, 4999L);
        assertThat(trigger.onEventTime(1000, a, ctx.window(a))).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.eventTimers(merged)).containsExactly(1000L);
    }

    // ---- ContinuousProcessingTimeTrigger

    @Test
    void continuousProcessingTimeTrigger_firesEveryIntervalOfProcessingTimeUpToWindowEnd() throws Exception {
        ContinuousProcessingTimeTrigger<TimeWindow> trigger =
                ContinuousProcessingTimeTrigger.of(Duration.ofMillis(1000));
        FakeTriggerContext<TimeWindow> ctx = new FakeTriggerContext<TimeWindow>()
                .window(new TimeWindow(0, 2500))
                .processingTime(700);

        assertThat(ctx.element(trigger, "a", Long.MIN_VALUE)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(ctx.processingTimers(new TimeWindow(0, 2500))).containsExactly(1000L);
        assertThat(ctx.advanceProcessingTime(trigger, 5000)).containsExactly("1000:FIRE", "2000:FIRE", "2499:FIRE");
        assertThat(trigger.onProcessingTime(3000, new TimeWindow(0, 2500), ctx)).isEqualTo(TriggerResult.CONTINUE);
        assertThat(trigger.onEventTime(2499, new TimeWindow(0, 2500), ctx)).isEqualTo(TriggerResult.CONTINUE);

        // the last firing re-registers the window end, and the cleanup at the window end deletes it
        assertThat(ctx.processingTimers(new TimeWindow(0, 2500))).isEmpty();
        assertThat(ctx.state(new TimeWindow(0, 2500), "fire-time")).isNull();
        assertThat(trigger).hasToString("ContinuousProcessingTimeTrigger(1000)");
    }
}
