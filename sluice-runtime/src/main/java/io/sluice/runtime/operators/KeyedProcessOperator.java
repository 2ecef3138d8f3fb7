package io.sluice.runtime.operators;

import io.sluice.api.functions.KeyedProcessFunction;
import io.sluice.api.functions.TimerService;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.streamrecord.StreamRecord;

/** Runs a {@link KeyedProcessFunction} on a keyed stream. */
public final class KeyedProcessOperator<K, IN, OUT>
        extends AbstractUdfStreamOperator<OUT, KeyedProcessFunction<K, IN, OUT>>
        implements OneInputStreamOperator<IN, OUT> {
    private TimestampedCollector<OUT> collector;
    private SideOutputs sideOutputs;
    private ContextImpl context;
    private StreamRecord<IN> current;

    public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        sideOutputs = new SideOutputs(output);
        context = new ContextImpl(userFunction, timerService());
    }

    @Override
    public void processElement(StreamRecord<IN> record) throws Exception {
        current = record;
        collector.setTimestamp(record);
        userFunction.processElement(record.getValue(), context, collector);
        current = null;
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
}
