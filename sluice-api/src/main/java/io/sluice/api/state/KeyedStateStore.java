package io.sluice.api.state;

/**
 * Where a function gets keyed state outside its runtime context, e.g. the per-window and global
 * state of a {@link io.sluice.api.functions.windowing.ProcessWindowFunction}. The states are those
 * of the current key (and, for per-window state, the current window).
 */
public interface KeyedStateStore {
    <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties);

    <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties);

    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties);

    <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties);
}
