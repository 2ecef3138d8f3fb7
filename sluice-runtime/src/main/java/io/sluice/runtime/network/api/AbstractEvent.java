package io.sluice.runtime.network.api;

import io.sluice.api.typeutils.DataOutputView;
import java.io.IOException;

/**
 * An event that travels in band with records: after all data emitted before it on the same channel,
 * before all data emitted after it. Immutable, so one instance may go to every channel.
 *
 * <p>Wire format: one tag byte ({@link #eventTag()}) followed by {@link #write}'s bytes. To add an
 * event: pick the next free tag in {@link EventSerializer}, add its case there, implement {@link
 * #write} and a static {@code read} (see {@link CancelCheckpointMarker}).
 */
public abstract class AbstractEvent {
    /** The tag identifying the event type on the wire; unique, stable across versions. */
    public abstract byte eventTag();

    /** Writes the event's fields (not the tag). */
    public abstract void write(DataOutputView out) throws IOException;
}
