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
 * The event-time interval join of two keyed inputs (Flink's semantics, which results are compared
 * with).
 *
 * <p>Each side is buffered in keyed {@link MapState}, timestamp to the elements at that timestamp
 * in arrival order. A new left element at {@code t} is joined with the buffered right elements in
 * {@code [t + lower, t + upper]}; a new right element at {@code t} with the buffered left elements
 * in {@code [t - upper, t - lower]}, so each pair is produced exactly once, when its later element
 * arrives. Exclusive bounds are turned into inclusive ones once ({@code lower + 1}, {@code upper -
 * 1}). A result carries the larger of the two timestamps.
 *
 * <p>An element behind the operator's watermark (the minimum of both inputs') is late: it goes to
 * the side's late-data output if one is set, otherwise it is dropped; it is neither buffered nor
 * joined. Each buffered element registers an event-time cleanup timer at the last watermark at
 * which the other side can still produce a partner for it ({@code t + upper} for the left side,
 * {@code t - lower} for the right, never before {@code t}); when it fires, that timestamp's bucket
 * is removed.
 *
 * <p><b>Threading</b>: task thread only, like every operator.
 */
public final class IntervalJoinOperator<K, T1, T2, OUT>
        extends AbstractUdfStreamOperator<OUT, ProcessJoinFunction<T1, T2, OUT>>
        implements TwoInputStreamOperator<T1, T2, OUT>, Triggerable<K, String> {

    static final String LEFT_BUFFER = "LEFT_BUFFER";
    static final String RIGHT_BUFFER = "RIGHT_BUFFER";
    static final String CLEANUP_TIMER_NAME = "IntervalJoinOperatorCleanUp";
    static final String CLEANUP_NAMESPACE_LEFT = "CLEANUP_LEFT";
    static final String CLEANUP_NAMESPACE_RIGHT = "CLEANUP_RIGHT";

    /** Inclusive, after adjusting for exclusive bounds. */
    private final long lowerBound;
    /** Inclusive, after adjusting for exclusive bounds. */
    private final long upperBound;

    private final OutputTag<T1> leftLateDataOutputTag;
    private final OutputTag<T2> rightLateDataOutputTag;
    private final TypeInformation<T1> leftType;
    private final TypeInformation<T2> rightType;

    private transient MapState<Long, List<T1>> leftBuffer;
    private transient MapState<Long, List<T2>> rightBuffer;
    private transient InternalTimerService<String> timerService;
    private transient ResultCollector collector;
    private transient ContextImpl context;
    /** Reused for late elements and the function's side outputs. */
    private final StreamRecord<Object> sideOutputRecord = new StreamRecord<>(null);

    @SuppressWarnings("unchecked")
    public IntervalJoinOperator(IntervalJoinSpec spec) {
        super((ProcessJoinFunction<T1, T2, OUT>) spec.function());
        if (spec.lowerBound() > spec.upperBound()) {
            throw new IllegalArgumentException("lowerBound <= upperBound must be fulfilled, were " + spec.lowerBound()
                    + " and " + spec.upperBound());
        }
        this.lowerBound = spec.lowerBoundInclusive() ? spec.lowerBound() : spec.lowerBound() + 1L;
        this.upperBound = spec.upperBoundInclusive() ? spec.upperBound() : spec.upperBound() - 1L;
        this.leftLateDataOutputTag = (OutputTag<T1>) spec.leftLateDataOutputTag();
        this.rightLateDataOutputTag = (OutputTag<T2>) spec.rightLateDataOutputTag();
        this.leftType = (TypeInformation<T1>) spec.leftType();
        this.rightType = (TypeInformation<T2>) spec.rightType();
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (!isKeyed()) {
            throw new IllegalStateException("The interval join '" + getOperatorName()
                    + "' needs two keyed inputs (KeyedStream#intervalJoin(KeyedStream)).");
        }
        collector = new ResultCollector();
        context = new ContextImpl(userFunction);
        leftBuffer =
                runtimeContext.getMapState(new MapStateDescriptor<>(LEFT_BUFFER, Types.LONG, Types.LIST(leftType)));
        rightBuffer =
                runtimeContext.getMapState(new MapStateDescriptor<>(RIGHT_BUFFER, Types.LONG, Types.LIST(rightType)));
        timerService = getInternalTimerService(CLEANUP_TIMER_NAME, this);
    }

    @Override
    public void processElement1(StreamRecord<T1> record) throws Exception {
        processElement(record, leftBuffer, rightBuffer, lowerBound, upperBound, true);
    }

    @Override
    public void processElement2(StreamRecord<T2> record) throws Exception {
        processElement(record, rightBuffer, leftBuffer, -upperBound, -lowerBound, false);
    }

    /**
     * Buffers the element and joins it with the other side's buffered elements whose timestamps
     * lie in {@code [t + relativeLowerBound, t + relativeUpperBound]}.
     */
    @SuppressWarnings("unchecked")
    private <THIS, OTHER> void processElement(
            StreamRecord<THIS> record,
            MapState<Long, List<THIS>> ourBuffer,
            MapState<Long, List<OTHER>> otherBuffer,
            long relativeLowerBound,
            long relativeUpperBound,
            boolean isLeft)
            throws Exception {
        THIS ourValue = record.getValue();
        long ourTimestamp = record.getTimestamp();
        if (!record.hasTimestamp() || ourTimestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("The interval join '" + getOperatorName() + "' ("
                    + parameters.taskInfo().getTaskNameWithSubtasks() + ") received a "
                    + (isLeft ? "left" : "right") + " element without a timestamp (" + ourValue
                    + "): interval joins work in event time only; give the source a WatermarkStrategy with a"
                    + " timestamp assigner.");
        }
        if (ourTimestamp < timerService.currentWatermark()) {
            sideOutputLate(ourValue, ourTimestamp, isLeft);
            return;
        }

        List<THIS> bucket = ourBuffer.get(ourTimestamp);
        if (bucket == null) {
            bucket = new ArrayList<>();
        }
        bucket.add(ourValue);
        ourBuffer.put(ourTimestamp, bucket);

        long from = ourTimestamp + relativeLowerBound;
        long to = ourTimestamp + relativeUpperBound;
        for (Map.Entry<Long, List<OTHER>> other : otherBuffer.entries()) {
            long timestamp = other.getKey();
            if (timestamp < from || timestamp > to) {
                continue;
            }
            for (OTHER element : other.getValue()) {
                if (isLeft) {
                    collect((T1) ourValue, (T2) element, ourTimestamp, timestamp);
                } else {
                    collect((T1) element, (T2) ourValue, timestamp, ourTimestamp);
                }
            }
        }

        long cleanupTime = relativeUpperBound > 0L ? ourTimestamp + relativeUpperBound : ourTimestamp;
        timerService.registerEventTimeTimer(isLeft ? CLEANUP_NAMESPACE_LEFT : CLEANUP_NAMESPACE_RIGHT, cleanupTime);
    }

    private void collect(T1 left, T2 right, long leftTimestamp, long rightTimestamp) throws Exception {
        long resultTimestamp = Math.max(leftTimestamp, rightTimestamp);
        collector.record.setTimestamp(resultTimestamp);
        context.leftTimestamp = leftTimestamp;
        context.rightTimestamp = rightTimestamp;
        context.resultTimestamp = resultTimestamp;
        userFunction.processElement(left, right, context, collector);
    }

    private void sideOutputLate(Object value, long timestamp, boolean isLeft) {
        OutputTag<?> tag = isLeft ? leftLateDataOutputTag : rightLateDataOutputTag;
        if (tag != null) {
            emitSideOutput(tag, value, timestamp);
        }
    }

    @SuppressWarnings("unchecked")
    private <X> void emitSideOutput(OutputTag<X> tag, Object value, long timestamp) {
        output.collect(tag, (StreamRecord<X>) sideOutputRecord.replace(value, timestamp));
    }

    @Override
    public void onEventTime(InternalTimer<K, String> timer) throws Exception {
        long timerTimestamp = timer.getTimestamp();
        String namespace = timer.getNamespace();
        if (CLEANUP_NAMESPACE_LEFT.equals(namespace)) {
            leftBuffer.remove(upperBound <= 0L ? timerTimestamp : timerTimestamp - upperBound);
        } else if (CLEANUP_NAMESPACE_RIGHT.equals(namespace)) {
            rightBuffer.remove(lowerBound <= 0L ? timerTimestamp + lowerBound : timerTimestamp);
        } else {
            throw new IllegalStateException(
                    "Unknown cleanup namespace '" + namespace + "' in interval join '" + getOperatorName() + "'");
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<K, String> timer) {
        throw new IllegalStateException("The interval join '" + getOperatorName()
                + "' registers no processing-time timers, yet one fired: " + timer.getTimestamp());
    }

    /** Emits the function's results with the pair's timestamp, reusing one record. */
    private final class ResultCollector implements Collector<OUT> {
        private final StreamRecord<OUT> record = new StreamRecord<>(null);

        @Override
        public void collect(OUT value) {
            output.collect(record.replace(value));
        }

        @Override
        public void close() {
            output.close();
        }
    }

    private final class ContextImpl extends ProcessJoinFunction<T1, T2, OUT>.Context {
        private long leftTimestamp = Long.MIN_VALUE;
        private long rightTimestamp = Long.MIN_VALUE;
        private long resultTimestamp = Long.MIN_VALUE;

        ContextImpl(ProcessJoinFunction<T1, T2, OUT> function) {
            function.super();
        }

        @Override
        public long getLeftTimestamp() {
            return leftTimestamp;
        }

        @Override
        public long getRightTimestamp() {
            return rightTimestamp;
        }

        @Override
        public long getTimestamp() {
            return resultTimestamp;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            if (outputTag == null) {
                throw new IllegalArgumentException("OutputTag must not be null.");
            }
            emitSideOutput(outputTag, value, resultTimestamp);
        }
    }
}
