package io.sluice.runtime.operators;

import io.sluice.api.eventtime.RelativeClock;
import io.sluice.api.eventtime.TimestampAssigner;
import io.sluice.api.eventtime.Watermark;
import io.sluice.api.eventtime.WatermarkGenerator;
import io.sluice.api.eventtime.WatermarkStrategy;
import io.sluice.runtime.streamrecord.StreamRecord;
import io.sluice.runtime.streamrecord.WatermarkElement;
import io.sluice.runtime.streamrecord.WatermarkStatus;

/**
 * {@code DataStream#assignTimestampsAndWatermarks}: gives each record the timestamp of the
 * strategy's {@link TimestampAssigner} (called with the record's previous timestamp, or {@link
 * Long#MIN_VALUE} if it has none), then lets the strategy's {@link WatermarkGenerator} see it, and
 * emits the generator's watermarks and idleness instead of the upstream ones, as Flink does:
 *
 * <ul>
 *   <li>Upstream watermarks are dropped, except {@link Long#MAX_VALUE} (the end of input), which
 *       is forwarded so that event time can end; upstream watermark statuses are dropped too.
 *   <li>The generator's periodic turn comes every {@code ExecutionConfig#getAutoWatermarkInterval()}
 *       ms of the task's processing time (never if the interval is 0), and once more at {@link
 *       #finish()}. Its clock for idleness is the same processing time.
 *   <li>Only rising watermarks are emitted; {@code markIdle} emits {@link WatermarkStatus#IDLE}
 *       and the next watermark turns the output active again.
 * </ul>
 *
 * Task thread only.
 */
public final class TimestampsAndWatermarksOperator<T> extends AbstractStreamOperator<T>
        implements OneInputStreamOperator<T, T> {
    private final WatermarkStrategy<T> strategy;
    private transient TimestampAssigner<T> assigner;
    private transient WatermarkGenerator<T> generator;
    private transient WatermarkEmitter emitter;
    private transient ProcessingTimeService.Cancellable periodic;

    public TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy) {
        this.strategy = strategy;
    }

    @Override
    public void open() throws Exception {
        ProcessingTimeService time = parameters.processingTimeService();
        RelativeClock clock = time::getCurrentProcessingTime;
        assigner = strategy.createTimestampAssigner();
        generator = strategy.createWatermarkGenerator(() -> clock);
        emitter = new WatermarkEmitter(output);
        long interval = parameters.executionConfig().getAutoWatermarkInterval();
        if (interval > 0) {
            periodic = time.scheduleAtFixedRate(t -> generator.onPeriodicEmit(emitter), interval, interval);
        }
    }

    @Override
    public void processElement(StreamRecord<T> record) throws Exception {
        T value = record.getValue();
        long previous = record.hasTimestamp() ? record.getTimestamp() : Long.MIN_VALUE;
        long ts = assigner.extractTimestamp(value, previous);
        record.setTimestamp(ts);
        output.collect(record);
        generator.onEvent(value, ts, emitter);
    }

    /** Drops upstream watermarks but the final one. */
    @Override
    public void processWatermark(WatermarkElement watermark) throws Exception {
        if (watermark.getTimestamp() == Long.MAX_VALUE) {
            currentWatermark = Long.MAX_VALUE;
            emitter.emitWatermark(Watermark.MAX_WATERMARK);
        }
    }

    /** This operator announces its own idleness; the upstream one does not matter. */
    @Override
    public void processWatermarkStatus(WatermarkStatus status) {}

    @Override
    public void finish() throws Exception {
        cancelPeriodic();
        generator.onPeriodicEmit(emitter);
    }

    @Override
    public void close() throws Exception {
        cancelPeriodic();
    }

    private void cancelPeriodic() {
        if (periodic != null) {
            periodic.cancel();
            periodic = null;
        }
    }
}
