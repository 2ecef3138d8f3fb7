package io.sluice.api.connector.testutils;

import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.SourceOutput;
import io.sluice.api.eventtime.Watermark;
import java.util.ArrayList;
import java.util.List;

/** A reader output that collects records into a list. */
public final class CollectingReaderOutput<T> implements ReaderOutput<T> {
    public final List<T> records = new ArrayList<>();

    @Override
    public void collect(T record) {
        records.add(record);
    }

    @Override
    public void collect(T record, long timestamp) {
        records.add(record);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
        return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}
}
