package io.sluice.runtime.network.api;

import io.sluice.api.typeutils.DataInputDeserializer;
import io.sluice.api.typeutils.DataOutputSerializer;
import io.sluice.runtime.network.buffer.Buffer;
import java.io.IOException;

/**
 * Turns events into buffers and back: one tag byte, then the event's fields. Events are rare, so
 * this allocates freely (an unpooled array per event). Stateless and thread-safe.
 */
public final class EventSerializer {
    public static final byte END_OF_PARTITION = 0;
    public static final byte CANCEL_CHECKPOINT_MARKER = 1;
    public static final byte CHECKPOINT_BARRIER = 2;
    /** Reserved for end-of-data (bounded input drained). */
    public static final byte END_OF_DATA = 3;

    private EventSerializer() {}

    public static byte[] toBytes(AbstractEvent event) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeByte(event.eventTag());
        event.write(out);
        return out.getCopyOfBuffer();
    }

    /** An unpooled event buffer; it may be handed to several subpartitions (readers never modify it). */
    public static Buffer toBuffer(AbstractEvent event) throws IOException {
        return Buffer.unpooledEvent(toBytes(event));
    }

    public static AbstractEvent fromBuffer(Buffer buffer) throws IOException {
        if (!buffer.isEvent()) {
            throw new IllegalArgumentException("Buffer " + buffer + " holds record data, not an event");
        }
        return fromBytes(buffer.getMemory(), 0, buffer.getSize());
    }

    public static AbstractEvent fromBytes(byte[] bytes, int offset, int length) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes, offset, length);
        byte tag = in.readByte();
        AbstractEvent event =
                switch (tag) {
                    case END_OF_PARTITION -> EndOfPartitionEvent.INSTANCE;
                    case CANCEL_CHECKPOINT_MARKER -> CancelCheckpointMarker.read(in);
                    case CHECKPOINT_BARRIER -> CheckpointBarrier.read(in);
                    default -> throw new IOException(
                            "Unknown event tag " + tag + " in a " + length + "-byte event buffer:"
                                    + " producer and consumer run different Sluice versions, or the stream is corrupt");
                };
        if (in.available() != 0) {
            throw new IOException(
                    "Event " + event + " left " + in.available() + " unread bytes: its write and read disagree");
        }
        return event;
    }
}
