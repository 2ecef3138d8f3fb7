package io.sluice.api.connector.source;

/** What {@link SourceReader#pollNext} found. */
public enum InputStatus {
    /** Call pollNext again right away. */
    MORE_AVAILABLE,
    /** Nothing now: wait for {@link SourceReader#isAvailable()} before calling again. */
    NOTHING_AVAILABLE,
    /** This reader has no more data and never will. */
    END_OF_INPUT
}
