package io.sluice.runtime.operators;

import io.sluice.api.functions.TimerService;
import io.sluice.api.functions.co.KeyedCoProcessFunction;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.streamrecord.StreamRecord;

/** Runs a {@link KeyedCoProcessFunction} on two keyed inputs. */
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT>
        extends AbstractUdfStreamOperator<OUT, KeyedCoProcessFunction<K, IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {
    private TimestampedCollector<OUT> collector;
    private SideOutputs sideOutputs;
    private ContextImpl context;
    private StreamRecord<?> current;

    public KeyedCoProcessOperator(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
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
    public void processElement1(StreamRecord<IN1> record) throws Exception {
        current = record;
        collector.setTimestamp(record);
        userFunction.processElement1(record.getValue(), context, collector);
        current = null;
    }

    @Override
    public void processElement2(StreamRecord<IN2> record) throws Exception {
        current = record;
        collector.setTimestamp(record);
        userFunction.processElement2(record.getValue(), context, collector);
        current = null;
    }

    private final class ContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context {
        private final TimerService timers;

        ContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function, TimerService timers) {
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
            return (K) KeyedCoProcessOperator.this.getCurrentKey();
        }
    }
}
