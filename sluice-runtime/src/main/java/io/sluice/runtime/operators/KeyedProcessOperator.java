package io.sluice.runtime.operators;

import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.TimeDomain;
import io.sluice.api.functions.TimerService;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.operators.timers.InternalTimer;
import io.sluice.runtime.operators.timers.SimpleTimerService;
import io.sluice.runtime.operators.timers.Triggerable;
import io.sluice.runtime.state.VoidNamespace;
import io.sluice.runtime.streamrecord.StreamRecord;

/**
 * Runs a {@link KeyedProcessFunction} on a keyed stream, with its timers: output of an event-time
 * timer carries the timer's timestamp, output of a processing-time timer none.
 */
public final class KeyedProcessOperator<K, IN, OUT>
        extends AbstractUdfStreamOperator<OUT, KeyedProcessFunction<K, IN, OUT>>
        implements OneInputStreamOperator<IN, OUT>, Triggerable<K, VoidNamespace> {
    private TimestampedCollector<OUT> collector;
    private SideOutputs sideOutputs;
    private ContextImpl context;
    private OnTimerContextImpl onTimerContext;
    private StreamRecord<IN> current;

    public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        sideOutputs = new SideOutputs(output);
        TimerService timers = new SimpleTimerService(getInternalTimerService("user-timers", this));
        context = new ContextImpl(userFunction, timers);
        onTimerContext = new OnTimerContextImpl(userFunction, timers);
    }

    @Override
    public void processElement(StreamRecord<IN> record) throws Exception {
        current = record;
        collector.setTimestamp(record);
        userFunction.processElement(record.getValue(), context, collector);
        current = null;
    }

    @Override
    public void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.getTimestamp());
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.eraseTimestamp();
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<K, VoidNamespace> timer, TimeDomain domain) throws Exception {
        onTimerContext.timer = timer;
        onTimerContext.domain = domain;
        userFunction.onTimer(timer.getTimestamp(), onTimerContext, collector);
        onTimerContext.timer = null;
    }

    private final class ContextImpl extends KeyedProcessFunction<K, IN, OUT>.Context {
        private final TimerService timers;

        ContextImpl(KeyedProcessFunction<K, IN, OUT> function, TimerService timers) {
            function.super();
            this.timers = timers;
        }

        @Override
        public Long timestamp() {
            return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
        }

        @Override
        public TimerService timerService() {
            return timers;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutputs.emit(outputTag, value, current);
        }

        @Override
        @SuppressWarnings("unchecked")
        public K getCurrentKey() {
            return (K) KeyedProcessOperator.this.getCurrentKey();
        }
    }

    private final class OnTimerContextImpl extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
        private final TimerService timers;
        private InternalTimer<K, VoidNamespace> timer;
        private TimeDomain domain;

        OnTimerContextImpl(KeyedProcessFunction<K, IN, OUT> function, TimerService timers) {
            function.super();
            this.timers = timers;
        }

        @Override
        public Long timestamp() {
            return domain == TimeDomain.EVENT_TIME ? timer.getTimestamp() : null;
        }

        @Override
        public TimerService timerService() {
            return timers;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutputs.emit(outputTag, value, timestamp());
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }

        @Override
        public K getCurrentKey() {
            return timer.getKey();
        }
    }
}
