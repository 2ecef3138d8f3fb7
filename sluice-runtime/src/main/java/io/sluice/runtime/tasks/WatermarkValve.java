package io.sluice.runtime.tasks;

/**
 * The event-time clock of one logical input: the minimum of its channels' watermarks, finished
 * channels excluded; it never goes back. Task thread only.
 */
final class WatermarkValve {
    private final long[] channelWatermarks;
    private final boolean[] finished;
    private long current = Long.MIN_VALUE;

    WatermarkValve(int numberOfChannels) {
        channelWatermarks = new long[numberOfChannels];
        finished = new boolean[numberOfChannels];
        java.util.Arrays.fill(channelWatermarks, Long.MIN_VALUE);
    }

    /** Returns the new clock if it advanced, else {@link Long#MIN_VALUE}. */
    long onWatermark(int channel, long watermark) {
        if (watermark > channelWatermarks[channel]) {
            channelWatermarks[channel] = watermark;
        }
        return advance();
    }

    /** A channel ended: it no longer holds the clock back. */
    long onChannelFinished(int channel) {
        finished[channel] = true;
        return advance();
    }

    private long advance() {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < channelWatermarks.length; i++) {
            if (!finished[i]) {
                any = true;
                min = Math.min(min, channelWatermarks[i]);
            }
        }
        if (!any) {
            return Long.MIN_VALUE; // all finished: the final MAX watermark arrives in band before
        }
        if (min > current) {
            current = min;
            return min;
        }
        return Long.MIN_VALUE;
    }
}
