package io.sluice.runtime.operators;

import io.sluice.api.accumulators.Accumulator;
import io.sluice.api.accumulators.IntCounter;
import io.sluice.api.accumulators.LongCounter;
import io.sluice.api.common.JobID;
import io.sluice.api.common.TaskInfo;
import io.sluice.api.functions.RuntimeContext;
import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.KeyedStateStore;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;
import io.sluice.runtime.state.VoidNamespace;
import io.sluice.runtime.state.heap.HeapKeyedStateBackend;
import java.io.Serializable;
import java.util.Map;

/**
 * The {@link RuntimeContext} of a function inside an operator; also the {@link KeyedStateStore} a
 * {@code CheckpointedFunction} gets on a keyed stream. Task thread only.
 */
public class StreamingRuntimeContext implements RuntimeContext, KeyedStateStore {
    private final TaskInfo taskInfo;
    private final JobID jobId;
    private final ClassLoader userCodeClassLoader;
    private final Map<String, Accumulator<?, ?>> accumulators;
    private HeapKeyedStateBackend<Object> keyedStateBackend;
    private String operatorName = "";

    public StreamingRuntimeContext(
            TaskInfo taskInfo,
            JobID jobId,
            ClassLoader userCodeClassLoader,
            Map<String, Accumulator<?, ?>> accumulators) {
        this.taskInfo = taskInfo;
        this.jobId = jobId;
        this.userCodeClassLoader = userCodeClassLoader;
        this.accumulators = accumulators;
    }

    /** Keyed operators give their state backend; without one, keyed state access fails clearly. */
    void setKeyedStateBackend(HeapKeyedStateBackend<Object> backend, String operatorName) {
        this.keyedStateBackend = backend;
        this.operatorName = operatorName;
    }

    private HeapKeyedStateBackend<Object> keyedState(String stateName) {
        if (keyedStateBackend == null) {
            throw new UnsupportedOperationException("Keyed state '" + stateName
                    + "' can only be used on a keyed stream, i.e. after" + " keyBy(...); operator '" + operatorName
                    + "' of task " + taskInfo.getTaskNameWithSubtasks() + " is not keyed.");
        }
        return keyedStateBackend;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        return keyedState(stateProperties.getName()).getPartitionedState(VoidNamespace.INSTANCE, stateProperties);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        return keyedState(stateProperties.getName()).getPartitionedState(VoidNamespace.INSTANCE, stateProperties);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        return keyedState(stateProperties.getName()).getPartitionedState(VoidNamespace.INSTANCE, stateProperties);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        return keyedState(stateProperties.getName()).getPartitionedState(VoidNamespace.INSTANCE, stateProperties);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
        return keyedState(stateProperties.getName()).getPartitionedState(VoidNamespace.INSTANCE, stateProperties);
    }

    public TaskInfo getTaskInfo() {
        return taskInfo;
    }

    @Override
    public JobID getJobId() {
        return jobId;
    }

    @Override
    public String getTaskName() {
        return taskInfo.getTaskName();
    }

    @Override
    public String getTaskNameWithSubtasks() {
        return taskInfo.getTaskNameWithSubtasks();
    }

    @Override
    public int getIndexOfThisSubtask() {
        return taskInfo.getIndexOfThisSubtask();
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return taskInfo.getNumberOfParallelSubtasks();
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return taskInfo.getMaxNumberOfParallelSubtasks();
    }

    @Override
    public int getAttemptNumber() {
        return taskInfo.getAttemptNumber();
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    @Override
    public <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        if (accumulators.containsKey(name)) {
            throw new UnsupportedOperationException("The accumulator '" + name + "' already exists in task "
                    + taskInfo.getTaskNameWithSubtasks() + " and cannot be added again.");
        }
        accumulators.put(name, accumulator);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name) {
        return (Accumulator<V, A>) accumulators.get(name);
    }

    @Override
    public IntCounter getIntCounter(String name) {
        return getOrCreate(name, IntCounter.class, new IntCounter());
    }

    @Override
    public LongCounter getLongCounter(String name) {
        return getOrCreate(name, LongCounter.class, new LongCounter());
    }

    private <A extends Accumulator<?, ?>> A getOrCreate(String name, Class<A> type, A fresh) {
        Accumulator<?, ?> existing = accumulators.get(name);
        if (existing == null) {
            accumulators.put(name, fresh);
            return fresh;
        }
        if (!type.isInstance(existing)) {
            throw new UnsupportedOperationException("The accumulator '" + name + "' is a "
                    + existing.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(existing);
    }
}
