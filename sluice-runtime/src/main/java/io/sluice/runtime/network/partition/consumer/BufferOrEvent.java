package io.sluice.runtime.network.partition.consumer;

import io.sluice.runtime.network.api.AbstractEvent;
import io.sluice.runtime.network.buffer.Buffer;

/**
 * What an {@link InputGate} delivers: a data buffer (which the reader must recycle once its records
 * are deserialized) or an event, with the gate and channel it came from. Owned by the reading task
 * thread.
 */
public final class BufferOrEvent {
    private final Buffer buffer;
    private final AbstractEvent event;
    private final int gateIndex;
    private final int channelIndex;

    public BufferOrEvent(Buffer buffer, int gateIndex, int channelIndex) {
        this.buffer = buffer;
        this.event = null;
        this.gateIndex = gateIndex;
        this.channelIndex = channelIndex;
    }

    public BufferOrEvent(AbstractEvent event, int gateIndex, int channelIndex) {
        this.buffer = null;
        this.event = event;
        this.gateIndex = gateIndex;
        this.channelIndex = channelIndex;
    }

    public boolean isBuffer() {
        return buffer != null;
    }

    public boolean isEvent() {
        return event != null;
    }

    /** The data buffer; the caller recycles it when done. Null for events. */
    public Buffer getBuffer() {
        return buffer;
    }

    /** The event; null for buffers. */
    public AbstractEvent getEvent() {
        return event;
    }

    /** Index of the gate among the task's inputs (the input edge). */
    public int getGateIndex() {
        return gateIndex;
    }

    /** Index of the channel within its gate. */
    public int getChannelIndex() {
        return channelIndex;
    }

    @Override
    public String toString() {
        return (isBuffer() ? buffer.toString() : event.toString()) + " from channel " + channelIndex + " of gate "
                + gateIndex;
    }
}
