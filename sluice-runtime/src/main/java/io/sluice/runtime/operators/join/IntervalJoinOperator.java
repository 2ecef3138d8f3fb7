package io.sluice.runtime.operators.join;

import io.sluice.api.dag.OperatorSpec.IntervalJoinSpec;
import io.sluice.api.functions.co.ProcessJoinFunction;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.typeinfo.TypeInformation;
import io.sluice.api.typeinfo.Types;
import io.sluice.api.util.Collector;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.operators.AbstractUdfStreamOperator;
import io.sluice.runtime.operators.TwoInputStreamOperator;
import io.sluice.runtime.operators.timers.InternalTimer;
import io.sluice.runtime.operators.timers.InternalTimerService;
import io.sluice.runtime.operators.timers.Triggerable;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The event-time interval join of two keyed inputs: a left element at {@code l} and a right
 * element at {@code r} of the same key join when {@code lower <= r - l <= upper} (exclusive bounds
 * are narrowed by one millisecond up front). The pair's result carries {@code max(l, r)}.
 *
 * <p>Each input is a {@link Side}: it keeps its elements in keyed map state, one bucket per
 * timestamp, and when an element arrives it probes the other side's buckets in the matching
 * range, so each pair is produced once, by whichever element arrives second. An element behind the
 * watermark is late: it goes to that side's late-data output, or is dropped. A bucket is kept until
 * the watermark reaches the last time a partner for it can still arrive; an event-time timer whose
 * namespace is the bucket's timestamp then removes it.
 *
 * <p>Task thread only.
 */
public final class IntervalJoinOperator<K, L, R, OUT>
        extends AbstractUdfStreamOperator<OUT, ProcessJoinFunction<L, R, OUT>>
        implements TwoInputStreamOperator<L, R, OUT> {

    /** Names of the two buffers in keyed state (visible to tests). */
    static final String LEFT_BUFFER = "interval-join-left";

    static final String RIGHT_BUFFER = "interval-join-right";

    private final IntervalJoinSpec spec;
    private final long lower;
    private final long upper;
    private Side<L, R> left;
    private Side<R, L> right;
    private PairEmitter emitter;
    private final StreamRecord<Object> sideRecord = new StreamRecord<>(null);

    @SuppressWarnings("unchecked")
    public IntervalJoinOperator(IntervalJoinSpec spec) {
        super((ProcessJoinFunction<L, R, OUT>) spec.function());
        this.spec = spec;
        this.lower = spec.lowerBoundInclusive() ? spec.lowerBound() : spec.lowerBound() + 1;
        this.upper = spec.upperBoundInclusive() ? spec.upperBound() : spec.upperBound() - 1;
        if (spec.lowerBound() > spec.upperBound()) {
            throw new IllegalArgumentException("The interval join's lower bound (" + spec.lowerBound()
                    + ") must not be greater than its upper bound (" + spec.upperBound() + ")");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        super.open();
        if (!isKeyed()) {
            throw new IllegalStateException("The interval join '" + getOperatorName()
                    + "' needs two keyed inputs (KeyedStream#intervalJoin(KeyedStream)).");
        }
        emitter = new PairEmitter();
        // a right element at r matches left buckets in [r - upper, r - lower], and vice versa
        left = new Side<>(
                "left",
                LEFT_BUFFER,
                (TypeInformation<L>) spec.leftType(),
                (OutputTag<L>) spec.leftLateDataOutputTag(),
                lower,
                upper);
        right = new Side<>(
                "right",
                RIGHT_BUFFER,
                (TypeInformation<R>) spec.rightType(),
                (OutputTag<R>) spec.rightLateDataOutputTag(),
                -upper,
                -lower);
        left.other = right;
        right.other = left;
    }

    @Override
    public void processElement1(StreamRecord<L> record) throws Exception {
        left.add(record);
    }

    @Override
    public void processElement2(StreamRecord<R> record) throws Exception {
        right.add(record);
    }

    /** The pending bucket expiries of both sides (for tests). */
    int numPendingExpiries() {
        return getTimerServices().values().stream()
                .mapToInt(s -> s.numEventTimeTimers())
                .sum();
    }

    /**
     * One input: its buffer, its expiry timers and where its partners lie, as offsets from an
     * element's timestamp into the other side's timestamps.
     */
    private final class Side<S, O> implements Triggerable<K, Long> {
        private final String name;
        private final OutputTag<S> lateOutput;
        private final long partnersFrom;
        private final long partnersTo;
        private final MapState<Long, List<S>> buffer;
        private final InternalTimerService<Long> expiries;
        private Side<O, S> other;

        Side(String name, String stateName, TypeInformation<S> type, OutputTag<S> lateOutput, long from, long to) {
            this.name = name;
            this.lateOutput = lateOutput;
            this.partnersFrom = from;
            this.partnersTo = to;
            this.buffer = runtimeContext.getMapState(new MapStateDescriptor<>(stateName, Types.LONG, Types.LIST(type)));
            this.expiries = getInternalTimerService(stateName + "-expiry", this);
        }

        void add(StreamRecord<S> record) throws Exception {
            S value = record.getValue();
            if (!record.hasTimestamp() || record.getTimestamp() == Long.MIN_VALUE) {
                throw new IllegalStateException("The interval join '" + getOperatorName() + "' ("
                        + parameters.taskInfo().getTaskNameWithSubtasks() + ") received a " + name
                        + " element without a timestamp (" + value + "): interval joins work in event time only;"
                        + " give the source a WatermarkStrategy with a timestamp assigner.");
            }
            long time = record.getTimestamp();
            if (time < expiries.currentWatermark()) {
                if (lateOutput != null) {
                    emitSide(lateOutput, value, time);
                }
                return;
            }
            List<S> bucket = buffer.get(time);
            if (bucket == null) {
                bucket = new ArrayList<>(2);
            }
            bucket.add(value);
            buffer.put(time, bucket);

            long from = time + partnersFrom;
            long to = time + partnersTo;
            for (Map.Entry<Long, List<O>> candidates : other.buffer.entries()) {
                long otherTime = candidates.getKey();
                if (otherTime >= from && otherTime <= to) {
                    for (O partner : candidates.getValue()) {
                        emitPair(value, time, partner, otherTime);
                    }
                }
            }
            // the last time a partner can still arrive on time is time + partnersTo (never before time)
            expiries.registerEventTimeTimer(time, Math.max(time, time + partnersTo));
        }

        @SuppressWarnings("unchecked")
        private void emitPair(S value, long time, O partner, long partnerTime) throws Exception {
            if (this == (Object) left) {
                emitter.emit((L) value, time, (R) partner, partnerTime);
            } else {
                emitter.emit((L) partner, partnerTime, (R) value, time);
            }
        }

        @Override
        public void onEventTime(InternalTimer<K, Long> timer) throws Exception {
            buffer.remove(timer.getNamespace());
        }

        @Override
        public void onProcessingTime(InternalTimer<K, Long> timer) {
            throw new IllegalStateException("The interval join '" + getOperatorName()
                    + "' sets no processing-time timers, yet one fired at " + timer.getTimestamp());
        }
    }

    @SuppressWarnings("unchecked")
    private <X> void emitSide(OutputTag<X> tag, Object value, long timestamp) {
        output.collect(tag, (StreamRecord<X>) sideRecord.replace(value, timestamp));
    }

    /** Calls the user function for a pair, as its collector and context; one object, reused. */
    private final class PairEmitter extends ProcessJoinFunction<L, R, OUT>.Context implements Collector<OUT> {
        private final StreamRecord<OUT> result = new StreamRecord<>(null);
        private long leftTime;
        private long rightTime;

        PairEmitter() {
            userFunction.super();
        }

        void emit(L l, long lTime, R r, long rTime) throws Exception {
            leftTime = lTime;
            rightTime = rTime;
            result.setTimestamp(Math.max(lTime, rTime));
            userFunction.processElement(l, r, this, this);
        }

        @Override
        public void collect(OUT value) {
            output.collect(result.replace(value));
        }

        @Override
        public void close() {
            output.close();
        }

        @Override
        public long getLeftTimestamp() {
            return leftTime;
        }

        @Override
        public long getRightTimestamp() {
            return rightTime;
        }

        @Override
        public long getTimestamp() {
            return Math.max(leftTime, rightTime);
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            if (outputTag == null) {
                throw new IllegalArgumentException("OutputTag must not be null.");
            }
            emitSide(outputTag, value, getTimestamp());
        }
    }
}
