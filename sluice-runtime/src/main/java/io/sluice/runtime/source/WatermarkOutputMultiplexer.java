package io.sluice.runtime.source;

import io.sluice.api.eventtime.Watermark;
import io.sluice.api.eventtime.WatermarkOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Combines the watermarks of several outputs (one per source split) into one: the minimum over
 * the outputs that are not idle; when every output is idle the combined output is marked idle.
 * The combined watermark never goes back.
 *
 * <p>Each registered output can be written in two ways: {@link #getImmediateOutput} updates the
 * combined watermark at once (for watermarks emitted per event), {@link #getDeferredOutput} only
 * records the new value, and {@link #onPeriodicEmit()} combines once after every split's
 * generator had its periodic turn, so a round of periodic emits yields at most one watermark.
 * Task thread only.
 */
final class WatermarkOutputMultiplexer {
    private final WatermarkOutput underlying;
    private final Map<String, Partial> partials = new LinkedHashMap<>();
    private long combinedWatermark = Long.MIN_VALUE;
    private boolean combinedIdle;

    WatermarkOutputMultiplexer(WatermarkOutput underlying) {
        this.underlying = underlying;
    }

    /** Registers an output under {@code id}; starts active, at {@link Long#MIN_VALUE}. */
    void registerOutput(String id) {
        if (partials.putIfAbsent(id, new Partial()) != null) {
            throw new IllegalStateException("Split output " + id + " is already registered");
        }
    }

    /** Forgets the output; the combined watermark is recomputed at the next periodic emit. */
    void unregisterOutput(String id) {
        partials.remove(id);
    }

    WatermarkOutput getImmediateOutput(String id) {
        return new PartialOutput(partials.get(id), true);
    }

    WatermarkOutput getDeferredOutput(String id) {
        return new PartialOutput(partials.get(id), false);
    }

    /** Combines the deferred updates since the last call. */
    void onPeriodicEmit() {
        updateCombined();
    }

    private void updateCombined() {
        if (partials.isEmpty()) {
            return;
        }
        long min = Long.MAX_VALUE;
        boolean allIdle = true;
        for (Partial p : partials.values()) {
            if (!p.idle) {
                allIdle = false;
                min = Math.min(min, p.watermark);
            }
        }
        boolean wasIdle = combinedIdle;
        combinedIdle = allIdle;
        if (allIdle) {
            underlying.markIdle();
        } else if (min > combinedWatermark) {
            combinedWatermark = min;
            underlying.emitWatermark(new Watermark(min));
        } else if (wasIdle) {
            underlying.markActive();
        }
    }

    private static final class Partial {
        long watermark = Long.MIN_VALUE;
        boolean idle;
    }

    private final class PartialOutput implements WatermarkOutput {
        private final Partial partial;
        private final boolean immediate;

        PartialOutput(Partial partial, boolean immediate) {
            this.partial = partial;
            this.immediate = immediate;
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            partial.idle = false;
            partial.watermark = Math.max(partial.watermark, watermark.getTimestamp());
            changed();
        }

        @Override
        public void markIdle() {
            partial.idle = true;
            changed();
        }

        @Override
        public void markActive() {
            partial.idle = false;
            changed();
        }

        private void changed() {
            if (immediate) {
                updateCombined();
            }
        }
    }
}
