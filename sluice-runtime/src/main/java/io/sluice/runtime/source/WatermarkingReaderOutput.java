package io.sluice.runtime.source;

import io.sluice.api.connector.source.ReaderOutput;
import io.sluice.api.connector.source.SourceOutput;
import io.sluice.api.eventtime.TimestampAssigner;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkGeneratorSupplier;
import io.sluice.api.eventtime.WatermarkOutput;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.runtime.operators.Output;
import io.sluice.runtime.operators.WatermarkEmitter;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.HashMap;
import java.util.Map;

/**
 * The reader's output when the source has a watermark strategy: assigns timestamps and generates
 * watermarks, per split when the reader asks for split outputs.
 *
 * <pre>
 *   reader ──collect──▶ main output ──(main generator)───────────────┐
 *          ──createOutputForSplit(id)──▶ split output ──(generator)──▶ multiplexer: min over
 *                                                         non-idle splits ──┴──▶ emitter ──▶ Output
 * </pre>
 *
 * <ul>
 *   <li>Every split output has its own {@link TimestampAssigner} and {@link WatermarkGenerator};
 *       the reader's watermark is the minimum over its split outputs that are not idle. Records
 *       the reader emits on the main output feed a generator of their own, whose watermarks
 *       reach the emitter directly.
 *   <li>A record is emitted before its generator sees it, so a punctuated watermark follows the
 *       record that caused it. Watermarks a generator emits per event are combined at once;
 *       periodic ones ({@link #emitPeriodicWatermark()}) after every generator had its turn.
 *   <li>The emitter forwards only rising watermarks, so the source never emits one lower than
 *       before. The source is idle when all split outputs are idle and the main output is idle
 *       (both start idle, as far as this rule goes; a rising watermark or {@code markActive}
 *       makes a side active, {@code markIdle} idle, a generator's after its idle timeout for
 *       instance); any rising watermark makes the source active.
 * </ul>
 *
 * Task thread only.
 */
final class WatermarkingReaderOutput<T> implements ReaderOutput<T> {
    private final Output<T> output;
    private final WatermarkStrategy<T> strategy;
    private final WatermarkGeneratorSupplier.Context context;
    private final WatermarkEmitter emitter;
    private final TimestampAssigner<T> mainAssigner;
    private final WatermarkGenerator<T> mainGenerator;
    private final IdlenessAwareOutput mainOutput;
    private final IdlenessAwareOutput splitsOutput;
    private final WatermarkOutputMultiplexer multiplexer;
    private final Map<String, SplitOutput> splitOutputs = new HashMap<>();
    private final StreamRecord<T> reuse = new StreamRecord<>(null);

    WatermarkingReaderOutput(
            Output<T> output,
            WatermarkEmitter emitter,
            WatermarkStrategy<T> strategy,
            WatermarkGeneratorSupplier.Context context) {
        this.output = output;
        this.strategy = strategy;
        this.context = context;
        this.emitter = emitter;
        this.mainAssigner = strategy.createTimestampAssigner();
        this.mainGenerator = strategy.createWatermarkGenerator(context);
        this.mainOutput = new IdlenessAwareOutput(false);
        this.splitsOutput = new IdlenessAwareOutput(true);
        this.multiplexer = new WatermarkOutputMultiplexer(splitsOutput);
    }

    @Override
    public void collect(T record) {
        collect(record, TimestampAssigner.NO_TIMESTAMP);
    }

    @Override
    public void collect(T record, long timestamp) {
        long ts = emit(mainAssigner, record, timestamp);
        mainGenerator.onEvent(record, ts, mainOutput);
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        mainOutput.emitWatermark(watermark);
    }

    @Override
    public void markIdle() {
        mainOutput.markIdle();
    }

    @Override
    public void markActive() {
        mainOutput.markActive();
    }

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
        SplitOutput existing = splitOutputs.get(splitId);
        if (existing != null) {
            return existing;
        }
        multiplexer.registerOutput(splitId);
        SplitOutput out = new SplitOutput(
                strategy.createTimestampAssigner(),
                strategy.createWatermarkGenerator(context),
                multiplexer.getImmediateOutput(splitId),
                multiplexer.getDeferredOutput(splitId));
        splitOutputs.put(splitId, out);
        return out;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
        if (splitOutputs.remove(splitId) != null) {
            multiplexer.unregisterOutput(splitId);
        }
    }

    /** The periodic turn of every generator: splits first (combined once), then the main one. */
    void emitPeriodicWatermark() {
        for (SplitOutput s : splitOutputs.values()) {
            s.generator.onPeriodicEmit(s.periodicOutput);
        }
        multiplexer.onPeriodicEmit();
        mainGenerator.onPeriodicEmit(mainOutput);
    }

    private long emit(TimestampAssigner<T> assigner, T record, long timestamp) {
        long ts = assigner.extractTimestamp(record, timestamp);
        if (ts == TimestampAssigner.NO_TIMESTAMP) {
            reuse.replace(record);
            reuse.eraseTimestamp();
        } else {
            reuse.replace(record, ts);
        }
        output.collect(reuse);
        return ts;
    }

    /** The emitter is idle only when both the main output and the split outputs are. */
    private void maybeMarkIdle() {
        if (mainOutput.idle && splitsOutput.idle) {
            emitter.markIdle();
        }
    }

    private final class IdlenessAwareOutput implements WatermarkOutput {
        /**
         * The multiplexer emits only when some split is active; the main generator may repeat an
         * old watermark (or {@code Long.MIN_VALUE} before any event), which must not count.
         */
        private final boolean anyWatermarkMeansActive;

        private boolean idle = true;

        IdlenessAwareOutput(boolean anyWatermarkMeansActive) {
            this.anyWatermarkMeansActive = anyWatermarkMeansActive;
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            if (anyWatermarkMeansActive || watermark.getTimestamp() > emitter.getMaxWatermark()) {
                idle = false;
            }
            emitter.emitWatermark(watermark);
        }

        @Override
        public void markIdle() {
            idle = true;
            maybeMarkIdle();
        }

        @Override
        public void markActive() {
            idle = false;
            emitter.markActive();
        }
    }

    private final class SplitOutput implements SourceOutput<T> {
        private final TimestampAssigner<T> assigner;
        private final WatermarkGenerator<T> generator;
        private final WatermarkOutput eventOutput;
        private final WatermarkOutput periodicOutput;

        SplitOutput(
                TimestampAssigner<T> assigner,
                WatermarkGenerator<T> generator,
                WatermarkOutput eventOutput,
                WatermarkOutput periodicOutput) {
            this.assigner = assigner;
            this.generator = generator;
            this.eventOutput = eventOutput;
            this.periodicOutput = periodicOutput;
        }

        @Override
        public void collect(T record) {
            collect(record, TimestampAssigner.NO_TIMESTAMP);
        }

        @Override
        public void collect(T record, long timestamp) {
            long ts = emit(assigner, record, timestamp);
            generator.onEvent(record, ts, eventOutput);
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            eventOutput.emitWatermark(watermark);
        }

        @Override
        public void markIdle() {
            eventOutput.markIdle();
        }

        @Override
        public void markActive() {
            eventOutput.markActive();
        }
    }
}
