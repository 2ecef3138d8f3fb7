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
        valve.inputWatermark(0, 10, output);
        valve.inputWatermark(1, 20, output);
        valve.inputWatermark(2, 5, output);
        assertThat(take()).isEmpty(); // channel 3 is still at MIN
        valve.inputWatermark(3, 7, output);
        assertThat(take()).containsExactly("w:5");
        valve.inputWatermark(2, 30, output);
        assertThat(take()).containsExactly("w:7");
        valve.inputWatermark(3, 8, output);
        assertThat(take()).containsExactly("w:8");
        valve.inputWatermark(3, 6, output); // a lower watermark on a channel is ignored
        valve.inputWatermark(3, 8, output);
        assertThat(take()).isEmpty();
        valve.inputWatermark(3, 40, output);
        assertThat(take()).containsExactly("w:10");
        assertThat(valve.getLastOutputWatermark()).isEqualTo(10);
    }

    @Test
    void whenAChannelIsIdle_thenItDoesNotHoldTheClockBack() throws Exception {
        WatermarkValve valve = new WatermarkValve(3);
        valve.inputWatermark(0, 10, output);
        valve.inputWatermark(1, 20, output);
        assertThat(take()).isEmpty();
        valve.inputWatermarkStatus(2, WatermarkStatus.IDLE, output);
        assertThat(take()).containsExactly("w:10");
        valve.inputWatermark(0, 15, output);
        assertThat(take()).containsExactly("w:15");
        valve.inputWatermark(2, 100, output); // watermarks of an idle channel are ignored
        valve.inputWatermarkStatus(2, WatermarkStatus.IDLE, output); // no change, no effect
        assertThat(take()).isEmpty();
        valve.inputWatermark(0, 25, output);
        assertThat(take()).containsExactly("w:20");
    }

    @Test
    void whenAllChannelsGoIdle_thenTheHighestWatermarkIsFlushedAndTheValveTurnsIdle() throws Exception {
        WatermarkValve valve = new WatermarkValve(2);
        valve.inputWatermark(0, 10, output);
        valve.inputWatermark(1, 20, output);
        assertThat(take()).containsExactly("w:10");
        valve.inputWatermarkStatus(1, WatermarkStatus.IDLE, output);
        assertThat(take()).isEmpty(); // channel 0 still holds the clock at 10
        valve.inputWatermarkStatus(0, WatermarkStatus.IDLE, output);
        assertThat(take()).containsExactly("w:20", "IDLE");
        assertThat(valve.isIdle()).isTrue();
        valve.inputWatermark(0, 50, output); // idle: ignored
        assertThat(take()).isEmpty();
        valve.inputWatermarkStatus(0, WatermarkStatus.ACTIVE, output);
        assertThat(take()).containsExactly("ACTIVE");
        valve.inputWatermark(0, 50, output);
        assertThat(take()).containsExactly("w:50");
    }

    @Test
    void whenAChannelReturnsBelowTheClock_thenItIsExcludedUntilItCatchesUp() throws Exception {
        WatermarkValve valve = new WatermarkValve(2);
        valve.inputWatermark(0, 5, output);
        valve.inputWatermarkStatus(0, WatermarkStatus.IDLE, output);
        valve.inputWatermark(1, 30, output);
        assertThat(take()).containsExactly("w:30");
        valve.inputWatermarkStatus(0, WatermarkStatus.ACTIVE, output);
        assertThat(take()).isEmpty(); // the valve never went idle: no status change
        valve.inputWatermark(0, 10, output); // below the clock: not aligned, no effect
        valve.inputWatermark(1, 40, output); // the clock follows channel 1 alone
        assertThat(take()).containsExactly("w:40");
        valve.inputWatermark(0, 42, output); // caught up: aligned again
        assertThat(take()).isEmpty();
        valve.inputWatermark(1, 60, output);
        assertThat(take()).containsExactly("w:42");
        valve.inputWatermark(0, 70, output);
        assertThat(take()).containsExactly("w:60");
    }

    @Test
    void whenAChannelReturnsWithAWatermarkAtOrAboveTheClock_thenItIsAlignedAtOnce() throws Exception {
        WatermarkValve valve = new WatermarkValve(2);
        valve.inputWatermark(0, 50, output);
        valve.inputWatermarkStatus(0, WatermarkStatus.IDLE, output);
        valve.inputWatermark(1, 30, output);
        assertThat(take()).containsExactly("w:30");
        valve.inputWatermarkStatus(0, WatermarkStatus.ACTIVE, output);
        valve.inputWatermark(1, 80, output);
        assertThat(take()).containsExactly("w:50");
    }

    @Test
    void whenChannelsFinish_thenTheyNoLongerHoldTheClockBack() throws Exception {
        WatermarkValve valve = new WatermarkValve(3);
        valve.inputWatermark(0, 3, output);
        valve.inputWatermark(1, 7, output);
        valve.inputWatermark(2, 9, output);
        assertThat(take()).containsExactly("w:3");
        valve.channelFinished(0, output);
        assertThat(take()).containsExactly("w:7");
        valve.inputWatermarkStatus(1, WatermarkStatus.IDLE, output);
        assertThat(take()).containsExactly("w:9");
        valve.inputWatermark(2, Long.MAX_VALUE, output);
        assertThat(take()).containsExactly("w:" + Long.MAX_VALUE);
        valve.channelFinished(2, output);
        valve.channelFinished(1, output);
        assertThat(take()).isEmpty(); // the final watermark went out once
    }

    @Test
    void whenAChannelFinishesWhileTheValveIsIdle_thenTheValveTurnsActiveAndEndsEventTime() throws Exception {
        WatermarkValve valve = new WatermarkValve(2);
        valve.inputWatermark(0, 4, output);
        valve.inputWatermarkStatus(0, WatermarkStatus.IDLE, output);
        valve.inputWatermarkStatus(1, WatermarkStatus.IDLE, output);
        assertThat(take()).containsExactly("w:4", "IDLE"); // channel 1 held the clock: flush
        valve.channelFinished(1, output);
        assertThat(take()).containsExactly("ACTIVE", "w:" + Long.MAX_VALUE);
    }
}
