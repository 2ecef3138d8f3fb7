package io.sluice.runtime.tasks;

import io.sluice.api.util.OutputTag;
import io.sluice.runtime.network.api.writer.RecordWriter;
import io.sluice.runtime.operators.Output;
import io.sluice.runtime.streamrecord.StreamElement;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;
import java.io.IOException;

/**
 * Serializes an operator's main or side output into a network partition. Records are
 * partitioned; watermarks and watermark statuses go to every channel. A status is sent only when
 * it changes; while the announced status is idle, watermarks are dropped (Flink's rule: an idle
 * stream carries no event-time progress).
 */
final class RecordWriterOutput<T> implements Output<T> {
    private final RecordWriter<StreamElement> writer;
    private final OutputTag<?> outputTag;
    private WatermarkStatus announcedStatus = WatermarkStatus.ACTIVE;

    RecordWriterOutput(RecordWriter<StreamElement> writer, OutputTag<?> outputTag) {
        this.writer = writer;
        this.outputTag = outputTag;
    }

    RecordWriter<StreamElement> getWriter() {
        return writer;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        if (outputTag == null) {
            emit(record);
        }
    }

    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
        if (outputTag != null && outputTag.equals(tag)) {
            emit(record);
        }
    }

    private void emit(StreamRecord<?> record) {
        try {
            writer.emit(record);
        } catch (IOException | InterruptedException e) {
            throw rethrow(e);
        }
    }

    @Override
    public void emitWatermark(WatermarkElement watermark) {
        if (announcedStatus.isIdle()) {
            return;
        }
        try {
            writer.broadcastEmit(watermark);
        } catch (IOException | InterruptedException e) {
            throw rethrow(e);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        if (status == announcedStatus) {
            return;
        }
        announcedStatus = status;
        try {
            writer.broadcastEmit(status);
        } catch (IOException | InterruptedException e) {
            throw rethrow(e);
        }
    }

    /** Output methods cannot throw checked exceptions; the task unwraps these again. */
    private static RuntimeException rethrow(Exception e) {
        if (e instanceof InterruptedException ie) {
            Thread.currentThread().interrupt();
            return new TaskInterruptedException(ie);
        }
        return new java.io.UncheckedIOException((IOException) e);
    }

    @Override
    public void close() {}
}
