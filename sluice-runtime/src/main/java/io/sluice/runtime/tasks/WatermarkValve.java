package io.sluice.runtime.tasks;

import io.sluice.runtime.streamrecord.WatermarkStatus;
import java.util.Arrays;

/**
 * The event-time clock and watermark status of one logical input (all channels of one input
 * type), following Flink's rules. Task thread only.
 *
 * <ul>
 *   <li>Each channel has a watermark (it never goes back) and a status. The clock is the minimum
 *       over the <em>aligned</em> channels: active ones whose watermark is at or past the clock.
 *       The clock never goes back.
 *   <li>A channel that turns idle stops holding the clock back. A channel that turns active again
 *       with a watermark below the clock is not aligned: it cannot pull the clock back, and counts
 *       again once its watermark catches up with the clock.
 *   <li>When every channel is idle, the valve first flushes the highest watermark of any channel
 *       (if the channel that just went idle was the one holding the clock) and then emits
 *       {@link WatermarkStatus#IDLE}; watermarks are ignored until a channel turns active again,
 *       which emits {@link WatermarkStatus#ACTIVE}.
 *   <li>A finished channel (end of partition) counts as active with the final watermark {@link
 *       Long#MAX_VALUE}, which every producer sends before it finishes: it never holds the clock
 *       back again.
 * </ul>
 */
final class WatermarkValve {
    /** Where the valve emits: the input's handler. */
    interface ValveOutput {
        void emitWatermark(long watermark) throws Exception;

        void emitWatermarkStatus(WatermarkStatus status) throws Exception;
    }

    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] aligned;
    private long clock = Long.MIN_VALUE;
    private boolean allIdle;

    WatermarkValve(int numberOfChannels) {
        watermarks = new long[numberOfChannels];
        idle = new boolean[numberOfChannels];
        aligned = new boolean[numberOfChannels];
        Arrays.fill(watermarks, Long.MIN_VALUE);
        Arrays.fill(aligned, true);
    }

    /** A watermark from one channel; ignored while the channel or the whole valve is idle. */
    void onWatermark(int channel, long watermark, ValveOutput output) throws Exception {
        if (allIdle || idle[channel] || watermark <= watermarks[channel]) {
            return;
        }
        watermarks[channel] = watermark;
        if (!aligned[channel] && watermark >= clock) {
            aligned[channel] = true;
        }
        advanceToMinOfAligned(output);
    }

    /** A status from one channel; only a change of that channel's status has an effect. */
    void onStatus(int channel, WatermarkStatus status, ValveOutput output) throws Exception {
        if (status.isIdle() && !idle[channel]) {
            idle[channel] = true;
            aligned[channel] = false;
            if (!anyChannelActive()) {
                if (watermarks[channel] == clock) {
                    advanceToMaxOfAll(output);
                }
                allIdle = true;
                output.emitWatermarkStatus(WatermarkStatus.IDLE);
            } else if (watermarks[channel] == clock) {
                advanceToMinOfAligned(output);
            }
        } else if (status.isActive() && idle[channel]) {
            idle[channel] = false;
            if (watermarks[channel] >= clock) {
                aligned[channel] = true;
            }
            if (allIdle) {
                allIdle = false;
                output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
            }
        }
    }

    /** A channel ended: as if it turned active and sent the final watermark. */
    void channelFinished(int channel, ValveOutput output) throws Exception {
        onStatus(channel, WatermarkStatus.ACTIVE, output);
        onWatermark(channel, Long.MAX_VALUE, output);
    }

    /** The clock: the last watermark this valve emitted ({@link Long#MIN_VALUE} before the first). */
    long getClock() {
        return clock;
    }

    boolean isIdle() {
        return allIdle;
    }

    private boolean anyChannelActive() {
        for (boolean i : idle) {
            if (!i) {
                return true;
            }
        }
        return false;
    }

    private void advanceToMinOfAligned(ValveOutput output) throws Exception {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (aligned[i]) {
                any = true;
                min = Math.min(min, watermarks[i]);
            }
        }
        if (any && min > clock) {
            clock = min;
            output.emitWatermark(min);
        }
    }

    private void advanceToMaxOfAll(ValveOutput output) throws Exception {
        long max = Long.MIN_VALUE;
        for (long w : watermarks) {
            max = Math.max(max, w);
        }
        if (max > clock) {
            clock = max;
            output.emitWatermark(max);
        }
    }
}
