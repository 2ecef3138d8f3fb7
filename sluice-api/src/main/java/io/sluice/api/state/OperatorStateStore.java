package io.sluice.api.state;

import java.util.Set;

/**
 * The operator state of one parallel operator instance (not keyed): named lists and broadcast
 * maps that are checkpointed with the operator and given back on restore. A function reaches it
 * through {@link FunctionInitializationContext#getOperatorStateStore()}.
 *
 * <p>How a list is given back when the parallelism changes is chosen by the method that creates
 * it:
 *
 * <ul>
 *   <li>{@link #getListState}: <em>even-split redistribution</em>. With the same parallelism each
 *       subtask gets back its own elements; otherwise the elements of all subtasks, in subtask
 *       order, are cut into contiguous chunks of sizes differing by at most one, one per subtask.
 *   <li>{@link #getUnionListState}: <em>union redistribution</em>. Every subtask gets all
 *       elements of all subtasks.
 *   <li>{@link #getBroadcastState}: every subtask gets one copy of the map.
 * </ul>
 *
 * <p>Asking again with a descriptor of the same name returns the same state. A name belongs to one
 * mode: asking for it with another (e.g. a union list restored as a split list) fails with an
 * {@link IllegalStateException} naming the state and both modes.
 *
 * <p>Task thread only.
 */
public interface OperatorStateStore {
    /** A list redistributed evenly on rescale (see the class comment). */
    <S> ListState<S> getListState(ListStateDescriptor<S> stateDescriptor) throws Exception;

    /** A list every subtask gets all of on restore (see the class comment). */
    <S> ListState<S> getUnionListState(ListStateDescriptor<S> stateDescriptor) throws Exception;

    /** A map that is the same on every subtask (see {@link BroadcastState}). */
    <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) throws Exception;

    /** The names of the list states, registered or restored. */
    Set<String> getRegisteredStateNames();

    /** The names of the broadcast states, registered or restored. */
    Set<String> getRegisteredBroadcastStateNames();
}
