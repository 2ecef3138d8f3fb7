/**
 * State of the user API: keyed state ({@link io.sluice.api.state.ValueState}, {@link
 * io.sluice.api.state.ListState}, {@link io.sluice.api.state.MapState}, {@link
 * io.sluice.api.state.ReducingState}, {@link io.sluice.api.state.AggregatingState}), their
 * descriptors, time-to-live ({@link io.sluice.api.state.StateTtlConfig}), operator state ({@link
 * io.sluice.api.state.OperatorStateStore}, {@link io.sluice.api.state.BroadcastState}), functions
 * that checkpoint their own state ({@link io.sluice.api.state.CheckpointedFunction}) and checkpoint
 * listeners.
 */
package io.sluice.api.state;
