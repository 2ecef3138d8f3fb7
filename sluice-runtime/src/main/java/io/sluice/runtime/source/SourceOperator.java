package io.sluice.runtime.source;

import io.sluice.api.connector.source.InputStatus;
import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceEvent;
import io.sluice.api.connector.source.SourceOutput;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.eventtime.NoWatermarksStrategy;
import io.sluice.api.eventtime.RelativeClock;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.api.io.SimpleVersionedSerializer;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.typeinfo.PrimitiveArrayTypeInfo;
import io.sluice.runtime.operators.AbstractStreamOperator;
import io.sluice.runtime.operators.ProcessingTimeService;
import io.sluice.runtime.operators.StateInitializationContext;
import io.sluice.runtime.operators.WatermarkEmitter;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorEventHandler;
import io.sluice.runtime.source.event.AddSplitEvent;
import io.sluice.runtime.source.event.NoMoreSplitsEvent;
import io.sluice.runtime.source.event.ReaderRegistrationEvent;
import io.sluice.runtime.source.event.RequestSplitEvent;
import io.sluice.runtime.source.event.SourceEventWrapper;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The task side of a split-based source: owns the {@link SourceReader}, talks to the enumerator
 * through operator events, assigns timestamps and generates watermarks (per split, see {@link
 * WatermarkingReaderOutput}; periodically every {@code ExecutionConfig#getAutoWatermarkInterval()}
 * ms of the task's processing time, which also drives idleness timeouts). The task's default action
 * calls {@link #emitNext()}; when the reader has nothing, the task waits on
 * {@link #getAvailableFuture()} through its mailbox. Task thread only.
 */
public final class SourceOperator<T, SplitT extends SourceSplit> extends AbstractStreamOperator<T>
        implements OperatorEventHandler {
    private final Source<T, SplitT, ?> source;
    private final WatermarkStrategy<T> watermarkStrategy;
    private SourceReader<T, SplitT> reader;
    private ReaderOutput<T> readerOutput;
    private WatermarkEmitter watermarkEmitter;
    private ProcessingTimeService.Cancellable periodicWatermarks;
    /** The reader's splits at the last checkpoint: the serializer's version (4 bytes), then the split. */
    private ListState<byte[]> readerState;
    /** Splits restored from a checkpoint, handed to the reader before it starts. */
    private List<SplitT> restoredSplits = List.of();

    @SuppressWarnings("unchecked")
    public SourceOperator(Source<T, SplitT, ?> source, WatermarkStrategy<?> watermarkStrategy) {
        this.source = source;
        this.watermarkStrategy = (WatermarkStrategy<T>) watermarkStrategy;
    }

    /** Restores the reader's splits (with their positions) when the task restores a checkpoint. */
    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        readerState = getOperatorStateBackend()
                .getListState(new ListStateDescriptor<>(
                        "SourceReaderState", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        if (context.isRestored()) {
            SimpleVersionedSerializer<SplitT> serializer = source.getSplitSerializer();
            List<SplitT> splits = new ArrayList<>();
            for (byte[] bytes : readerState.get()) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                int version = buffer.getInt();
                byte[] split = new byte[buffer.remaining()];
                buffer.get(split);
                splits.add(serializer.deserialize(version, split));
            }
            restoredSplits = splits;
        }
    }

    /** The reader's splits and positions go into operator list state (split evenly on rescale). */
    @Override
    protected void snapshotOperatorState(long checkpointId, long timestamp) throws Exception {
        SimpleVersionedSerializer<SplitT> serializer = source.getSplitSerializer();
        List<byte[]> state = new ArrayList<>();
        for (SplitT split : reader.snapshotState(checkpointId)) {
            byte[] bytes = serializer.serialize(split);
            state.add(ByteBuffer.allocate(4 + bytes.length)
                    .putInt(serializer.getVersion())
                    .put(bytes)
                    .array());
        }
        readerState.update(state);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        if (reader != null) {
            reader.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        super.notifyCheckpointAborted(checkpointId);
        if (reader != null) {
            reader.notifyCheckpointAborted(checkpointId);
        }
    }

    @Override
    public void open() throws Exception {
        SourceReaderContext context = new SourceReaderContext() {
            @Override
            public void sendSplitRequest() {
                parameters.operatorEventGateway().sendEventToCoordinator(new RequestSplitEvent("localhost"));
            }

            @Override
            public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {
                parameters.operatorEventGateway().sendEventToCoordinator(new SourceEventWrapper(sourceEvent));
            }

            @Override
            public int getIndexOfSubtask() {
                return parameters.taskInfo().getIndexOfThisSubtask();
            }

            @Override
            public int currentParallelism() {
                return parameters.taskInfo().getNumberOfParallelSubtasks();
            }

            @Override
            public ClassLoader getUserCodeClassLoader() {
                return parameters.userCodeClassLoader();
            }
        };
        reader = source.createReader(context);
        watermarkEmitter = new WatermarkEmitter(output);
        if (watermarkStrategy instanceof NoWatermarksStrategy) {
            readerOutput = new PlainOutput<>(output);
        } else {
            ProcessingTimeService time = parameters.processingTimeService();
            RelativeClock clock = time::getCurrentProcessingTime;
            WatermarkingReaderOutput<T> out =
                    new WatermarkingReaderOutput<>(output, watermarkEmitter, watermarkStrategy, () -> clock);
            readerOutput = out;
            long interval = parameters.executionConfig().getAutoWatermarkInterval();
            if (interval > 0) {
                periodicWatermarks = time.scheduleAtFixedRate(t -> out.emitPeriodicWatermark(), interval, interval);
            }
        }
        if (!restoredSplits.isEmpty()) {
            reader.addSplits(restoredSplits);
            restoredSplits = List.of();
        }
        parameters
                .operatorEventGateway()
                .sendEventToCoordinator(
                        new ReaderRegistrationEvent(parameters.taskInfo().getIndexOfThisSubtask(), "localhost"));
        reader.start();
    }

    /** Lets the reader emit; the status says whether to call again, wait, or finish. */
    public InputStatus emitNext() throws Exception {
        return reader.pollNext(readerOutput);
    }

    public CompletableFuture<Void> getAvailableFuture() {
        return reader.isAvailable();
    }

    @Override
    public void handleOperatorEvent(OperatorEvent event) throws Exception {
        if (event instanceof AddSplitEvent add) {
            List<SplitT> splits = add.splits(source.getSplitSerializer());
            reader.addSplits(splits);
        } else if (event instanceof NoMoreSplitsEvent) {
            reader.notifyNoMoreSplits();
        } else if (event instanceof SourceEventWrapper wrapper) {
            reader.handleSourceEvents(wrapper.sourceEvent());
        } else {
            throw new IllegalArgumentException("Source '" + getOperatorName() + "' got an unexpected event " + event);
        }
    }

    /**
     * End of a bounded input: event time ends, so every pending window and timer fires downstream.
     * An idle source turns active first, so the final watermark is not dropped.
     */
    @Override
    public void finish() throws Exception {
        cancelPeriodicWatermarks();
        watermarkEmitter.emitWatermark(Watermark.MAX_WATERMARK);
    }

    @Override
    public void close() throws Exception {
        cancelPeriodicWatermarks();
        if (reader != null) {
            SourceReader<T, SplitT> r = reader;
            reader = null;
            r.close();
        }
    }

    private void cancelPeriodicWatermarks() {
        if (periodicWatermarks != null) {
            periodicWatermarks.cancel();
            periodicWatermarks = null;
        }
    }

    /**
     * {@link WatermarkStrategy#noWatermarks()}: records keep the timestamp the reader gives them
     * (or none), and the reader's watermarks and idleness are ignored, as in Flink. One reused record.
     */
    private static final class PlainOutput<T> implements ReaderOutput<T> {
        private final io.sluice.runtime.operators.Output<T> output;
        private final StreamRecord<T> reuse = new StreamRecord<>(null);

        PlainOutput(io.sluice.runtime.operators.Output<T> output) {
            this.output = output;
        }

        @Override
        public void collect(T record) {
            reuse.replace(record);
            reuse.eraseTimestamp();
            output.collect(reuse);
        }

        @Override
        public void collect(T record, long timestamp) {
            output.collect(reuse.replace(record, timestamp));
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
}
