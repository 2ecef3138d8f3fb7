package io.sluice.runtime.operators;

import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.connector.sink.Sink;
import io.sluice.api.connector.sink.SinkWriter;
import io.sluice.api.connector.sink.WriterInitContext;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;

/** Runs one {@link SinkWriter} per subtask: write per record, flush(true) at the end of input, close last. */
public final class SinkWriterOperator<IN> extends AbstractStreamOperator<Object>
        implements OneInputStreamOperator<IN, Object> {
    private final Sink<IN> sink;
    private SinkWriter<IN> writer;
    private final WriteContext context = new WriteContext();

    public SinkWriterOperator(Sink<IN> sink) {
        this.sink = sink;
    }

    @Override
    public void open() throws Exception {
        writer = sink.createWriter(new WriterInitContext() {
            @Override
            public TaskInfo getTaskInfo() {
                return parameters.taskInfo();
            }

            @Override
            public JobID getJobId() {
                return parameters.jobId();
            }

            @Override
            public ClassLoader getUserCodeClassLoader() {
                return parameters.userCodeClassLoader();
            }

            @Override
            public boolean isObjectReuseEnabled() {
                return parameters.executionConfig().isObjectReuseEnabled();
            }
        });
    }

    @Override
    public void processElement(StreamRecord<IN> record) throws Exception {
        context.record = record;
        writer.write(record.getValue(), context);
    }

    @Override
    public void processWatermark(WatermarkElement watermark) throws Exception {
        currentWatermark = watermark.getTimestamp();
        writer.writeWatermark(watermark.getWatermark());
    }

    @Override
    public void finish() throws Exception {
        writer.flush(true);
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            SinkWriter<IN> w = writer;
            writer = null;
            w.close();
        }
    }

    private final class WriteContext implements SinkWriter.Context {
        StreamRecord<IN> record;

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public Long timestamp() {
            return record != null && record.hasTimestamp() ? record.getTimestamp() : null;
        }
    }
}
