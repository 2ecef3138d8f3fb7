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
import io.sluice.api.eventtime.TimestampAssigner;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.runtime.operators.AbstractStreamOperator;
import io.sluice.runtime.operators.ProcessingTimeService;
import io.sluice.runtime.operators.coordination.OperatorEvent;
import io.sluice.runtime.operators.coordination.OperatorEventHandler;
import io.sluice.runtime.source.event.AddSplitEvent;
import io.sluice.runtime.source.event.NoMoreSplitsEvent;
import io.sluice.runtime.source.event.ReaderRegistrationEvent;
import io.sluice.runtime.source.event.RequestSplitEvent;
import io.sluice.runtime.source.event.SourceEventWrapper;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The task side of a split-based source: owns the {@link SourceReader}, talks to the enumerator
 * through operator events, assigns timestamps and generates watermarks. The task's default action
 * calls {@link #emitNext()}; when the reader has nothing, the task waits on
 * {@link #getAvailableFuture()} through its mailbox. Task thread only.
 */
public final class SourceOperator<T, SplitT extends SourceSplit> extends AbstractStreamOperator<T>
        implements OperatorEventHandler {
    private final Source<T, SplitT, ?> source;
    private final WatermarkStrategy<T> watermarkStrategy;
    private SourceReader<T, SplitT> reader;
    private ReaderOutput<T> readerOutput;
    private ProcessingTimeService.Cancellable periodicWatermarks;

    @SuppressWarnings("unchecked")
    public SourceOperator(Source<T, SplitT, ?> source, WatermarkStrategy<?> watermarkStrategy) {
        this.source = source;
        this.watermarkStrategy = (WatermarkStrategy<T>) watermarkStrategy;
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
        if (watermarkStrategy instanceof NoWatermarksStrategy) {
            readerOutput = new PlainOutput<>(output);
        } else {
            TimestampingOutput<T> out = new TimestampingOutput<>(this, watermarkStrategy);
            readerOutput = out;
            long interval = parameters.executionConfig().getAutoWatermarkInterval();
            if (interval > 0) {
                periodicWatermarks = parameters
                        .processingTimeService()
                        .scheduleAtFixedRate(t -> out.periodicEmit(), interval, interval);
            }
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

    /** End of a bounded input: event time ends, so every pending window and timer fires downstream. */
    @Override
    public void finish() throws Exception {
        cancelPeriodicWatermarks();
        output.emitWatermark(new WatermarkElement(Watermark.MAX_WATERMARK));
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

    /** Records without timestamps, no watermarks: the fastest path (one reused record). */
    private static final class PlainOutput<T> implements ReaderOutput<T> {
        private final io.sluice.runtime.operators.Output<T> output;
        private final StreamRecord<T> reuse = new StreamRecord<>(null);

        PlainOutput(io.sluice.runtime.operators.Output<T> output) {
            this.output = output;
        }

        @Override
        public void collect(T record) {
            output.collect(reuse.replace(record));
        }

        @Override
        public void collect(T record, long timestamp) {
            output.collect(reuse.replace(record, timestamp));
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            output.emitWatermark(new WatermarkElement(watermark));
        }

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

    /**
     * Assigns timestamps and feeds one watermark generator for the whole reader. Per-split
     * generators (the minimum over splits) come with the event-time work.
     */
    private static final class TimestampingOutput<T> implements ReaderOutput<T>, WatermarkOutput {
        private final SourceOperator<T, ?> operator;
        private final TimestampAssigner<T> assigner;
        private final WatermarkGenerator<T> generator;
        private final StreamRecord<T> reuse = new StreamRecord<>(null);
        private long lastEmitted = Long.MIN_VALUE;

        TimestampingOutput(SourceOperator<T, ?> operator, WatermarkStrategy<T> strategy) {
            this.operator = operator;
            this.assigner = strategy.createTimestampAssigner();
            this.generator = strategy.createWatermarkGenerator();
        }

        @Override
        public void collect(T record) {
            collect(record, TimestampAssigner.NO_TIMESTAMP);
        }

        @Override
        public void collect(T record, long timestamp) {
            long ts = assigner.extractTimestamp(record, timestamp);
            if (ts == TimestampAssigner.NO_TIMESTAMP) {
                reuse.replace(record);
                reuse.eraseTimestamp();
            } else {
                reuse.replace(record, ts);
            }
            operator.output.collect(reuse); // the record first: a punctuated watermark follows it
            generator.onEvent(record, ts, this);
        }

        void periodicEmit() {
            generator.onPeriodicEmit(this);
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            if (watermark.getTimestamp() > lastEmitted) {
                lastEmitted = watermark.getTimestamp();
                operator.output.emitWatermark(new WatermarkElement(watermark));
            }
        }

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
