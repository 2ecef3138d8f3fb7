package io.sluice.api.connector.source;

/**
 * The output a reader gets in {@link SourceReader#pollNext}. A reader with several splits may ask
 * for one output per split, so watermarks are generated per split and combined (minimum).
 */
public interface ReaderOutput<T> extends SourceOutput<T> {
    SourceOutput<T> createOutputForSplit(String splitId);

    void releaseOutputForSplit(String splitId);
}
