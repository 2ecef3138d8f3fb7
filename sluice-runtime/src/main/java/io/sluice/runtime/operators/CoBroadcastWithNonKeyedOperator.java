package io.sluice.runtime.operators;

import io.sluice.api.functions.co.BroadcastProcessFunction;
import io.sluice.api.state.BroadcastState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReadOnlyBroadcastState;
import io.sluice.api.util.OutputTag;
import io.sluice.runtime.streamrecord.StreamRecord;
import java.util.List;

/**
 * Runs a {@link BroadcastProcessFunction}: input 1 is the non-broadcast stream, input 2 the
 * broadcast stream (every subtask receives all of it). The broadcast states live in the operator
 * state backend, so they are checkpointed. Task thread only.
 */
public final class CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT>
        extends AbstractUdfStreamOperator<OUT, BroadcastProcessFunction<IN1, IN2, OUT>>
        implements TwoInputStreamOperator<IN1, IN2, OUT> {
    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;
    private TimestampedCollector<OUT> collector;
    private SideOutputs sideOutputs;
    private BroadcastStates states;
    private ReadWriteContextImpl readWriteContext;
    private ReadOnlyContextImpl readOnlyContext;
    private StreamRecord<?> current;

    public CoBroadcastWithNonKeyedOperator(
            BroadcastProcessFunction<IN1, IN2, OUT> function,
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
        readWriteContext = new ReadWriteContextImpl(userFunction);
        readOnlyContext = new ReadOnlyContextImpl(userFunction);
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

    private Long currentTimestamp() {
        return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
    }

    private final class ReadWriteContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
        ReadWriteContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return states.writable(stateDescriptor);
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
            return parameters.processingTimeService().getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }
    }

    private final class ReadOnlyContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
        ReadOnlyContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return states.readOnly(stateDescriptor);
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
            return parameters.processingTimeService().getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }
    }
}
