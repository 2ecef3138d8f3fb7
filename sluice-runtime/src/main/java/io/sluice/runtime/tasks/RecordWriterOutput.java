package io.sluice.runtime.tasks;

import io.sluice.api.util.OutputTag;
import io.sluice.runtime.network.api.writer.RecordWriter;
import io.sluice.runtime.operators.Output;
import io.sluice.runtime.streamrecord.StreamElement;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import java.io.IOException;

/**
 * Serializes an operator's main or side output into a network partition. Records are
 * partitioned; watermarks go to every channel.
 */
final class RecordWriterOutput<T> implements Output<T> {
    private final RecordWriter<StreamElement> writer;
    private final OutputTag<?> outputTag;

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
        try {
            writer.broadcastEmit(watermark);
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
