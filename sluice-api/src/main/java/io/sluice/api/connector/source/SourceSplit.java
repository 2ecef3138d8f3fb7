package io.sluice.api.connector.source;

/** A unit of work a reader reads: a file, a range, a partition. */
public interface SourceSplit {
    /** Unique within the source. */
    String splitId();
}
