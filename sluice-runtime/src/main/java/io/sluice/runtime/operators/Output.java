package io.sluice.runtime.operators;

import io.sluice.api.util.OutputTag;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;

/**
 * Where an operator emits: the next operator of the chain (a direct call), the network, or
 * several of those. Called on the task thread only. The record object may be reused by the
 * caller after the call returns, and by the callee during it.
 */
public interface Output<T> {
    /** Emits to the main output. */
    void collect(StreamRecord<T> record);

    /** Emits to the side output named by the tag (dropped if nothing consumes it). */
    <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record);

    /** Emits a watermark; outputs that announced {@link WatermarkStatus#IDLE} drop it. */
    void emitWatermark(WatermarkElement watermark);

    /**
     * Announces that this stream turned idle or active. Network and chaining outputs pass a status
     * on only when it differs from the one they last announced, and drop watermarks while idle.
     */
    void emitWatermarkStatus(WatermarkStatus status);

    void close();
}
