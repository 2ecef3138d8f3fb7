package io.sluice.runtime.state;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * Snapshot bytes small enough to travel inline, in the acknowledgement and in {@code _metadata},
 * instead of in a file of their own (see {@code execution.checkpointing.file-state-threshold}).
 */
public record ByteStreamStateHandle(String name, byte[] data) implements StreamStateHandle {
    @Override
    public InputStream openInputStream() {
        return new ByteArrayInputStream(data);
    }

    @Override
    public long getStateSize() {
        return data.length;
    }

    @Override
    public void discardState() {}

    @Override
    public String describe() {
        return "inline bytes of " + name;
    }
}
