package io.sluice.runtime.operators;

import io.sluice.api.eventtime.Watermark;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;

/**
 * The last step from watermark generators to an operator's {@link Output}: forwards a watermark
 * only if it is higher than every one forwarded before, and turns {@link #markIdle()} / {@link
 * #markActive()} into {@link WatermarkStatus} elements, each sent only on a change. A watermark
 * emitted while idle first makes the stream active again. Task thread only.
 */
public final class WatermarkEmitter implements WatermarkOutput {
    private final Output<?> output;
    private long maxWatermark = Long.MIN_VALUE;
    private boolean idle;

    public WatermarkEmitter(Output<?> output) {
        this.output = output;
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        long ts = watermark.getTimestamp();
        if (ts <= maxWatermark) {
            return;
        }
        maxWatermark = ts;
        markActive();
        output.emitWatermark(new WatermarkElement(watermark));
    }

    @Override
    public void markIdle() {
        if (!idle) {
            idle = true;
            output.emitWatermarkStatus(WatermarkStatus.IDLE);
        }
    }

    @Override
    public void markActive() {
        if (idle) {
            idle = false;
            output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
        }
    }

    /** The highest watermark forwarded so far ({@link Long#MIN_VALUE} before the first). */
    public long getMaxWatermark() {
        return maxWatermark;
    }

    public boolean isIdle() {
        return idle;
    }
}
