package io.sluice.runtime.streamrecord;

/**
 * Whether a stream currently holds back event time downstream. An {@link #IDLE} stream sends no
 * watermarks and is left out of the minimum its consumers compute over their inputs, so an empty
 * partition or split does not stall event time; it counts again once it turns {@link #ACTIVE}
 * and its watermark has caught up. Outputs forward a status only when it changes, and drop
 * watermarks while they are idle. The two instances are immutable and shared.
 */
public final class WatermarkStatus extends StreamElement {
    private static final int IDLE_STATUS = -1;
    private static final int ACTIVE_STATUS = 0;

    public static final WatermarkStatus IDLE = new WatermarkStatus(IDLE_STATUS);
    public static final WatermarkStatus ACTIVE = new WatermarkStatus(ACTIVE_STATUS);

    private final int status;

    private WatermarkStatus(int status) {
        this.status = status;
    }

    public boolean isIdle() {
        return status == IDLE_STATUS;
    }

    public boolean isActive() {
        return status == ACTIVE_STATUS;
    }

    @Override
    public boolean isWatermarkStatus() {
        return true;
    }

    @Override
    public String toString() {
        return isIdle() ? "WatermarkStatus(IDLE)" : "WatermarkStatus(ACTIVE)";
    }
}
