package io.sluice.api.functions;

import io.sluice.api.accumulators.Accumulator;
import io.sluice.api.accumulators.IntCounter;
import io.sluice.api.accumulators.LongCounter;
import io.sluice.api.common.JobID;
import io.sluice.api.state.AggregatingState;
import io.sluice.api.state.AggregatingStateDescriptor;
import io.sluice.api.state.ListState;
import io.sluice.api.state.ListStateDescriptor;
import io.sluice.api.state.MapState;
import io.sluice.api.state.MapStateDescriptor;
import io.sluice.api.state.ReducingState;
import io.sluice.api.state.ReducingStateDescriptor;
import io.sluice.api.state.ValueState;
import io.sluice.api.state.ValueStateDescriptor;

/**
 * What a rich function knows about the parallel instance it runs in. Only valid on the task
 * thread.
 */
public interface RuntimeContext {
    JobID getJobId();

    /** The name of the task (the chain of operators), as shown in the plan. */
    String getTaskName();

    /** The name of the task with "(subtask/parallelism)" appended, e.g. {@code "Map (2/4)"}. */
    String getTaskNameWithSubtasks();

    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    int getMaxNumberOfParallelSubtasks();

    /** 0 for the first execution of this subtask, incremented on every restart. */
    int getAttemptNumber();

    ClassLoader getUserCodeClassLoader();

    /**
     * Registers an accumulator under a name unique within the job; the values of all subtasks
     * are merged and returned in the {@code JobExecutionResult}.
     */
    <V, A extends java.io.Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator);

    <V, A extends java.io.Serializable> Accumulator<V, A> getAccumulator(String name);

    /** Returns the counter registered under the name, creating and registering it if needed. */
    IntCounter getIntCounter(String name);

    /** Returns the counter registered under the name, creating and registering it if needed. */
    LongCounter getLongCounter(String name);

    /**
     * The value state of the current key (keyed streams only: after {@code keyBy}). Call it in
     * {@code open()} and keep the handle; each access reads the state of the key of the element
     * being processed.
     *
     * @throws UnsupportedOperationException on a stream that is not keyed
     */
    <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties);

    /** The list state of the current key (keyed streams only). */
    <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties);

    /** The reducing state of the current key (keyed streams only). */
    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties);

    /** The aggregating state of the current key (keyed streams only). */
    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties);

    /** The map state of the current key (keyed streams only). */
    <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties);
}
