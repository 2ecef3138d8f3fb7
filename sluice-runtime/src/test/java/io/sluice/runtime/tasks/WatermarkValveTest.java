package io.sluice.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.streamrecord.WatermarkStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkValveTest {
    private final List<String> out = new ArrayList<>();
    private final WatermarkValve.ValveOutput output = new WatermarkValve.ValveOutput() {
        @Override
        public void emitWatermark(long watermark) {
            out.add("w:" + watermark);
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            out.add(status.isIdle() ? "IDLE" : "ACTIVE");
        }
    };

    private List<String> take() {
        List<String> copy = List.copyOf(out);
        out.clear();
        return copy;
    }

    @Test
    void whenFourChannelsAdvance_thenTheClockIsTheirMinimumAndNeverGoesBack() throws Exception {
        WatermarkValve valve = new WatermarkValve(4);
        valve.onWatermark(0, 10, output);
        valve.onWatermark(1, 20, output);
        valve.onWatermark(2, 5, output);
        assertThat(take()).isEmpty(); // channel 3 is still at MIN
        valve.onWatermark(3, 7, output);
        assertThat(take()).containsExactly("w:5");
        valve.onWatermark(2, 30, output);
        assertThat(take()).containsExactly("w:7");
        valve.onWatermark(3, 8, output);
        assertThat(take()).containsExactly("w:8");
        valve.onWatermark(3, 6, output); // a lower watermark on a channel is ignored
        valve.onWatermark(3, 8, output);
        assertThat(take()).isEmpty();
        valve.onWatermark(3, 40, output);
        assertThat(take()).containsExactly("w:10");
        assertThat(valve.getClock()).isEqualTo(10);
    }

    @Test
    void whenAChannelIsIdle_thenItDoesNotHoldTheClockBack() throws Exception {
        WatermarkValve valve = new WatermarkValve(3);
        valve.onWatermark(0, 10, output);
        valve.onWatermark(1, 20, output);
        assertThat(take()).isEmpty();
        valve.onStatus(2, WatermarkStatus.IDLE, output);
        assertThat(take()).containsExactly("w:10");
        valve.onWatermark(0, 15, output);
        assertThat(take()).containsExactly("w:15");
        valve.onWatermark(2, 100, output); // watermarks of an idle channel are ignored
        valve.onStatus(2, WatermarkStatus.IDLE, output); // no change, no effect
        assertThat(take()).isEmpty();
        valve.onWatermark(0, 25, output);
        assertThat(take()).containsExactly("w:20");
    }

    @Test
    void whenAllChannelsGoIdle_thenTheHighestWatermarkIsFlushedAndTheValveTurnsIdle() throws Exception {
        WatermarkValve valve = new WatermarkValve(2);
        valve.onWatermark(0, 10, output);
        valve.onWatermark(1, 20, output);
        assertThat(take()).containsExactly("w:10");
        valve.onStatus(1, WatermarkStatus.IDLE, output);
        assertThat(take()).isEmpty(); // channel 0 still holds the clock at 10
        valve.onStatus(0, WatermarkStatus.IDLE, output);
        assertThat(take()).containsExactly("w:20", "IDLE");
        assertThat(valve.isIdle()).isTrue();
        valve.onWatermark(0, 50, output); // idle: ignored
        assertThat(take()).isEmpty();
        valve.onStatus(0, WatermarkStatus.ACTIVE, output);
        assertThat(take()).containsExactly("ACTIVE");
        valve.onWatermark(0, 50, output);
        assertThat(take()).containsExactly("w:50");
    }

    @Test
    void whenAChannelReturnsBelowTheClock_thenItIsExcludedUntilItCatchesUp() throws Exception {
        WatermarkValve valve = new WatermarkValve(2);
        valve.onWatermark(0, 5, output);
        valve.onStatus(0, WatermarkStatus.IDLE, output);
        valve.onWatermark(1, 30, output);
        assertThat(take()).containsExactly("w:30");
        valve.onStatus(0, WatermarkStatus.ACTIVE, output);
        assertThat(take()).isEmpty(); // the valve never went idle: no status change
        valve.onWatermark(0, 10, output); // below the clock: not aligned, no effect
        valve.onWatermark(1, 40, output); // the clock follows channel 1 alone
        assertThat(take()).containsExactly("w:40");
        valve.onWatermark(0, 42, output); // caught up: aligned again
        assertThat(take()).isEmpty();
        valve.onWatermark(1, 60, output);
        assertThat(take()).containsExactly("w:42");
        valve.onWatermark(0, 70, output);
        assertThat(take()).containsExactly("w:60");
    }

    @Test
    void whenAChannelReturnsWithAWatermarkAtOrAboveTheClock_thenItIsAlignedAtOnce() throws Exception {
        WatermarkValve valve = new WatermarkValve(2);
        valve.onWatermark(0, 50, output);
        valve.onStatus(0, WatermarkStatus.IDLE, output);
        valve.onWatermark(1, 30, output);
        assertThat(take()).containsExactly("w:30");
        valve.onStatus(0, WatermarkStatus.ACTIVE, output);
        valve.onWatermark(1, 80, output);
        assertThat(take()).containsExactly("w:50");
    }

    @Test
    void whenChannelsFinish_thenTheyNoLongerHoldTheClockBack() throws Exception {
        WatermarkValve valve = new WatermarkValve(3);
        valve.onWatermark(0, 3, output);
        valve.onWatermark(1, 7, output);
        valve.onWatermark(2, 9, output);
        assertThat(take()).containsExactly("w:3");
        valve.channelFinished(0, output);
        assertThat(take()).containsExactly("w:7");
        valve.onStatus(1, WatermarkStatus.IDLE, output);
        assertThat(take()).containsExactly("w:9");
        valve.onWatermark(2, Long.MAX_VALUE, output);
        assertThat(take()).containsExactly("w:" + Long.MAX_VALUE);
        valve.channelFinished(2, output);
        valve.channelFinished(1, output);
        assertThat(take()).isEmpty(); // the final watermark went out once
    }

    @Test
    void whenAChannelFinishesWhileTheValveIsIdle_thenTheValveTurnsActiveAndEndsEventTime() throws Exception {
        WatermarkValve valve = new WatermarkValve(2);
        valve.onWatermark(0, 4, output);
        valve.onStatus(0, WatermarkStatus.IDLE, output);
        valve.onStatus(1, WatermarkStatus.IDLE, output);
        assertThat(take()).containsExactly("w:4", "IDLE"); // channel 1 held the clock: flush
        valve.channelFinished(1, output);
        assertThat(take()).containsExactly("ACTIVE", "w:" + Long.MAX_VALUE);
    }
}
