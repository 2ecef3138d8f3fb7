package io.sluice.runtime.operators;

import io.sluice.api.functions.TimeDomain;
import io.sluice.api.functions.TimerService;
import io.sluice.api.functions.co.KeyedBroadcastProcessFunction;
import io.sluice.api.state.BroadcastState;
import io.sluice.api.state.KeyedStateFunction;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReadOnlyBroadcastState;
import io.sluice.api.state.State;
import io.sluice.api.state.StateDescriptor;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.operators.timers.InternalTimer;
import io.sluice.runtime.operators.timers.SimpleTimerService;
import io.sluice.runtime.operators.timers.Triggerable;
import io.sluice.runtime.state.VoidNamespace;
import io.sluice.runtime.state.heap.HeapKeyedStateBackend;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: input 1 is the keyed stream (its records set the
 * current key, for keyed state and timers), input 2 the broadcast stream, which has no key. The
 * broadcast states live in the operator state backend, so they are checkpointed. Task thread
 * only.
 */
public final class CoBroadcastWithKeyedOperator<KS, IN1, IN2, OUT>
        extends AbstractUdfStreamOperator<OUT, KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT>, Triggerable<KS, VoidNamespace> {
    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;
    private TimestampedCollector<OUT> collector;
    private SideOutputs sideOutputs;
    private BroadcastStates states;
    private TimerService timers;
    private ReadWriteContextImpl readWriteContext;
    private ReadOnlyContextImpl readOnlyContext;
    private OnTimerContextImpl onTimerContext;
    private StreamRecord<?> current;

    public CoBroadcastWithKeyedOperator(
            KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        super(function);
        this.broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        sideOutputs = new SideOutputs(output);
        states = new BroadcastStates(broadcastStateDescriptors, getOperatorStateBackend());
        timers = new SimpleTimerService(getInternalTimerService("user-timers", this));
        readWriteContext = new ReadWriteContextImpl(userFunction);
        readOnlyContext = new ReadOnlyContextImpl(userFunction);
        onTimerContext = new OnTimerContextImpl(userFunction);
    }

    @Override
    public void processElement1(StreamRecord<IN1> record) throws Exception {
        current = record;
        collector.setTimestamp(record);
        userFunction.processElement(record.getValue(), readOnlyContext, collector);
        current = null;
    }

    @Override
    public void processElement2(StreamRecord<IN2> record) throws Exception {
        current = record;
        collector.setTimestamp(record);
        userFunction.processBroadcastElement(record.getValue(), readWriteContext, collector);
        current = null;
    }

    @Override
    public void onEventTime(InternalTimer<KS, VoidNamespace> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.getTimestamp());
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<KS, VoidNamespace> timer) throws Exception {
        collector.eraseTimestamp();
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<KS, VoidNamespace> timer, TimeDomain domain) throws Exception {
        onTimerContext.timer = timer;
        onTimerContext.domain = domain;
        userFunction.onTimer(timer.getTimestamp(), onTimerContext, collector);
        onTimerContext.timer = null;
    }

    private Long currentTimestamp() {
        return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
    }

    /**
     * Runs {@code function} for every key with a value in {@code descriptor}'s state, that key
     * current. The keys are collected first, so the function may clear the state it is given.
     */
    @SuppressWarnings("unchecked")
    private <S extends State> void applyToAllKeys(StateDescriptor<S, ?> descriptor, KeyedStateFunction<KS, S> function)
            throws Exception {
        HeapKeyedStateBackend<Object> backend = (HeapKeyedStateBackend<Object>) getKeyedStateBackend();
        backend.getOrCreateKeyedState(descriptor);
        List<Object> keys = new ArrayList<>();
        backend.getKeys(descriptor.getName()).forEach(keys::add);
        Object previousKey = getCurrentKey();
        try {
            for (Object key : keys) {
                setCurrentKey(key);
                S state = backend.getPartitionedState(VoidNamespace.INSTANCE, descriptor);
                function.process((KS) key, state);
            }
        } finally {
            if (previousKey != null) {
                setCurrentKey(previousKey);
            }
        }
    }

    private final class ReadWriteContextImpl extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.Context {
        ReadWriteContextImpl(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return states.writable(stateDescriptor);
        }

        @Override
        public <VS, S extends State> void applyToKeyedState(
                StateDescriptor<S, VS> stateDescriptor, KeyedStateFunction<KS, S> function) throws Exception {
            applyToAllKeys(stateDescriptor, function);
        }

        @Override
        public Long timestamp() {
            return currentTimestamp();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutputs.emit(outputTag, value, current);
        }

        @Override
        public long currentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }
    }

    private final class ReadOnlyContextImpl extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.ReadOnlyContext {
        ReadOnlyContextImpl(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return states.readOnly(stateDescriptor);
        }

        @Override
        public TimerService timerService() {
            return timers;
        }

        @Override
        @SuppressWarnings("unchecked")
        public KS getCurrentKey() {
            return (KS) CoBroadcastWithKeyedOperator.this.getCurrentKey();
        }

        @Override
        public Long timestamp() {
            return currentTimestamp();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutputs.emit(outputTag, value, current);
        }

        @Override
        public long currentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }
    }

    private final class OnTimerContextImpl extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.OnTimerContext {
        private InternalTimer<KS, VoidNamespace> timer;
        private TimeDomain domain;

        OnTimerContextImpl(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }

        @Override
        public KS getCurrentKey() {
            return timer.getKey();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return states.readOnly(stateDescriptor);
        }

        @Override
        public TimerService timerService() {
            return timers;
        }

        /** The timer's timestamp, in both time domains (as Flink's). */
        @Override
        public Long timestamp() {
            return timer.getTimestamp();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            sideOutputs.emit(outputTag, value, timer.getTimestamp());
        }

        @Override
        public long currentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }
    }
}
